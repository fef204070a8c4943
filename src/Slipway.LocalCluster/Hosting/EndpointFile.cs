using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.IO;

namespace Slipway.LocalCluster.Hosting;

/// <summary><c>endpoint.json</c>: where the process that holds the lock serves the cluster, and since when.</summary>
internal sealed record EndpointFile(string Url, int ProcessId, DateTimeOffset Since)
{
    public const string FileName = "endpoint.json";

    public static EndpointFile? TryRead(string stateDirectory)
    {
        try
        {
            JsonNode? node = JsonNode.Parse(File.ReadAllText(Path.Combine(stateDirectory, FileName)));
            return node is JsonObject obj
                && obj["url"]?.GetValue<string>() is string url
                && obj["pid"]?.GetValue<int>() is int pid
                && DateTimeOffset.TryParse(obj["since"]?.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset since)
                ? new EndpointFile(url, pid, since)
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    public Task WriteAsync(string stateDirectory, CancellationToken cancellationToken)
    {
        var obj = new JsonObject { ["url"] = Url, ["pid"] = ProcessId, ["since"] = Since.ToString("O", CultureInfo.InvariantCulture) };
        return AtomicFile.WriteAllTextAsync(Path.Combine(stateDirectory, FileName), obj.ToJsonString(), cancellationToken);
    }

    public static void Delete(string stateDirectory)
    {
        try
        {
            File.Delete(Path.Combine(stateDirectory, FileName));
        }
        catch (IOException)
        {
        }
    }
}
