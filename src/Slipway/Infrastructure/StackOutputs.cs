using System.Text.Json;
using Slipway.IO;
using Slipway.Processes;

namespace Slipway.Infrastructure;

/// <summary>
/// Reads <c>output -json</c> into name → value (strings as they are, other values as JSON; real values, never masked) and
/// writes them to <c>infra-outputs.json</c> (mode 0600) for targets run later in a separate process. Sensitive outputs are
/// left out of both and masked in logs; an output that holds the value of a secret variable is kept in memory only, so no
/// file under <c>.nuke/temp</c> holds a secret: a later target re-reads it with <c>terraform output -json</c>.
/// </summary>
public static class StackOutputs
{
    public const string FileName = "infra-outputs.json";

    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    internal static async Task<IReadOnlyDictionary<string, string>> ReadAsync(TerraformCli cli, CancellationToken cancellationToken)
    {
        ProcessResult result = await cli.RunAsync(new TerraformCall("output", "-json") { KeepsOutputUnmasked = true }, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Writes the outputs that hold none of <paramref name="secrets"/>; returns the names of those left out.</summary>
    internal static async Task<IReadOnlyList<string>> WriteAsync(string path, IReadOnlyDictionary<string, string> outputs, IReadOnlyCollection<string> secrets, CancellationToken cancellationToken)
    {
        var stored = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var withheld = new List<string>();
        foreach ((string name, string value) in outputs)
        {
            if (secrets.Any(secret => value.Contains(secret, StringComparison.Ordinal)))
            {
                withheld.Add(name);
            }
            else
            {
                stored[name] = value;
            }
        }

        await AtomicFile.WriteAllTextAsync(path, JsonSerializer.Serialize(stored, s_indented) + "\n", cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return withheld;
    }

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
