using System.Text.Json;
using System.Text.Json.Serialization;
using Slipway.IO;

namespace Slipway.LocalCluster.Hosting;

/// <summary><c>endpoint.json</c>: where the process that holds the lock serves the cluster, and since when.</summary>
internal sealed record EndpointFile(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("pid")] int ProcessId,
    [property: JsonPropertyName("since")] DateTimeOffset Since)
{
    public const string FileName = "endpoint.json";

    public static EndpointFile? TryRead(string stateDirectory)
    {
        try
        {
            return JsonSerializer.Deserialize<EndpointFile>(File.ReadAllText(Path.Combine(stateDirectory, FileName)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    public Task WriteAsync(string stateDirectory, CancellationToken cancellationToken)
        => AtomicFile.WriteAllTextAsync(Path.Combine(stateDirectory, FileName), JsonSerializer.Serialize(this), cancellationToken);

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
