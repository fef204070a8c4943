using System.Text.Json;
using Slipway.IO;
using Slipway.Processes;

namespace Slipway.Infrastructure;

/// <summary>
/// Reads <c>output -json</c> into name → value (strings as they are, other values as JSON) and writes them
/// (sensitive outputs are left out of both, and masked in logs) to <c>infra-outputs.json</c> for targets run later in a separate process.
/// </summary>
public static class StackOutputs
{
    public const string FileName = "infra-outputs.json";

    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    internal static async Task<IReadOnlyDictionary<string, string>> ReadAsync(TerraformCli cli, CancellationToken cancellationToken)
    {
        ProcessResult result = await cli.RunAsync(new TerraformCall("output", "-json"), cancellationToken).ConfigureAwait(false);
        var outputs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        using JsonDocument document = JsonDocument.Parse(string.IsNullOrWhiteSpace(result.StandardOutput) ? "{}" : result.StandardOutput);
        foreach (JsonProperty output in document.RootElement.EnumerateObject())
        {
            JsonElement value = output.Value.GetProperty("value");
            string text = value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : value.GetRawText();
            bool sensitive = output.Value.TryGetProperty("sensitive", out JsonElement flag) && flag.ValueKind == JsonValueKind.True;
            if (sensitive)
            {
                cli.Options.Log.AddSecret(text);
                continue;
            }

            outputs[output.Name] = text;
        }

        return outputs;
    }

    internal static Task WriteAsync(string path, IReadOnlyDictionary<string, string> outputs, CancellationToken cancellationToken)
        => AtomicFile.WriteAllTextAsync(path, JsonSerializer.Serialize(outputs, s_indented) + "\n", cancellationToken);

    /// <summary>The outputs the last ApplyInfra of an environment wrote (<c>.nuke/temp/&lt;env&gt;/infra-outputs.json</c>).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> LoadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw SlipwayException.Input($"{path} does not exist: run ApplyInfra for this environment first.");
        }

        string json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
    }
}
