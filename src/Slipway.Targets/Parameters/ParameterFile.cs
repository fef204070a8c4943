using System.Text.Json;

namespace Slipway.Targets.Parameters;

/// <summary>A <c>.nuke/parameters*.json</c> file: member name → value (string, number, bool or array).</summary>
internal sealed class ParameterFile
{
    private ParameterFile(string displayPath, Dictionary<string, (string Key, IReadOnlyList<string> Values)> values)
    {
        DisplayPath = displayPath;
        Values = values;
    }

    public string DisplayPath { get; }

    /// <summary>Values keyed by normalised name.</summary>
    public Dictionary<string, (string Key, IReadOnlyList<string> Values)> Values { get; }

    public static ParameterFile Load(string path, string displayPath)
    {
        var values = new Dictionary<string, (string, IReadOnlyList<string>)>(StringComparer.Ordinal);
        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new BuildException($"{displayPath}: must hold a JSON object of parameter names and values.", ExitCodes.BadInput);
            }

            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                if (property.Name.StartsWith('$'))
                {
                    continue;
                }

                if (property.Value.ValueKind == JsonValueKind.Object || (property.Value.ValueKind == JsonValueKind.Array && property.Value.EnumerateArray().Any(static item => item.ValueKind is JsonValueKind.Object or JsonValueKind.Array)))
                {
                    throw new BuildException($"{displayPath}: \"{property.Name}\" must be a string, a number, true/false or a list of those, not {(property.Value.ValueKind == JsonValueKind.Object ? "an object" : "a nested list")}.", ExitCodes.BadInput);
                }

                values[NameConvention.Normalize(property.Name)] = (property.Name, ToStrings(property.Value));
            }
        }
        catch (JsonException ex)
        {
            throw new BuildException(
                $"{displayPath}({(ex.LineNumber ?? 0) + 1},{(ex.BytePositionInLine ?? 0) + 1}): invalid JSON: {WithoutPosition(ex.Message)} "
                + $"Fix the file: it holds one JSON object of parameter names and values, e.g. {{ \"Env\": \"staging\" }} (./build.sh --help lists them).",
                ExitCodes.BadInput);
        }

        return new ParameterFile(displayPath, values);
    }

    /// <summary>The parser's message without its own " Path: $ | LineNumber: 1 | BytePositionInLine: 9." (the file(line,col) says it).</summary>
    private static string WithoutPosition(string message)
    {
        int end = message.Length;
        foreach (string marker in (string[])[" Path:", " LineNumber:"])
        {
            int index = message.IndexOf(marker, StringComparison.Ordinal);
            end = index >= 0 ? Math.Min(end, index) : end;
        }

        string text = message[..end].TrimEnd();
        return text.EndsWith('.') ? text : text + ".";
    }

    private static IReadOnlyList<string> ToStrings(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().SelectMany(ToStrings).ToList(),
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.True => ["true"],
        JsonValueKind.False => ["false"],
        JsonValueKind.Null => [],
        _ => [value.GetRawText()],
    };
}
