using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.GitOps.Yaml;
using Slipway.Yaml;

namespace Slipway.GitOps.Yaml;

/// <summary>Writes JSON values (chart values) as readable block YAML, and lists their scalar leaves for splicing.</summary>
public static class YamlBlockWriter
{
    /// <summary>Appends the entries of <paramref name="mapping"/> at <paramref name="indent"/> spaces.</summary>
    public static void WriteMapping(StringBuilder text, JsonObject mapping, int indent)
    {
        foreach (KeyValuePair<string, JsonNode?> entry in mapping)
        {
            text.Append(' ', indent).Append(YamlScalarText.String(entry.Key)).Append(':');
            WriteValue(text, entry.Value, indent);
        }
    }

    /// <summary>The scalar leaves reachable through mappings only (list items are not addressable by key).</summary>
    public static IEnumerable<(YamlPath Path, string Value, YamlValueKind Kind)> Leaves(JsonObject mapping, YamlPath prefix)
    {
        foreach (KeyValuePair<string, JsonNode?> entry in mapping)
        {
            YamlPath path = prefix.Append(entry.Key);
            switch (entry.Value)
            {
                case JsonObject child:
                    foreach ((YamlPath Path, string Value, YamlValueKind Kind) leaf in Leaves(child, path))
                    {
                        yield return leaf;
                    }

                    break;
                case JsonArray:
                    break;
                case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                    yield return (path, value.GetValue<string>(), YamlValueKind.String);
                    break;
                case JsonValue value:
                    yield return (path, value.ToJsonString(), YamlValueKind.Literal);
                    break;
                case null:
                    yield return (path, "null", YamlValueKind.Literal);
                    break;
            }
        }
    }

    private static void WriteValue(StringBuilder text, JsonNode? value, int indent)
    {
        switch (value)
        {
            case JsonObject { Count: 0 }:
                text.Append(" {}\n");
                break;
            case JsonObject child:
                text.Append('\n');
                WriteMapping(text, child, indent + 2);
                break;
            case JsonArray { Count: 0 }:
                text.Append(" []\n");
                break;
            case JsonArray items:
                text.Append('\n');
                WriteSequence(text, items, indent + 2);
                break;
            default:
                text.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private static void WriteSequence(StringBuilder text, JsonArray items, int indent)
    {
        foreach (JsonNode? item in items)
        {
            if (item is JsonObject { Count: > 0 } mapping)
            {
                var nested = new StringBuilder();
                WriteMapping(nested, mapping, indent + 2);
                text.Append(' ', indent).Append("- ").Append(nested.ToString(indent + 2, nested.Length - indent - 2));
            }
            else
            {
                text.Append(' ', indent).Append('-');
                WriteValue(text, item, indent);
            }
        }
    }

    private static string Scalar(JsonNode? value)
        => value switch
        {
            null => "null",
            JsonValue v when v.GetValueKind() == JsonValueKind.String => YamlScalarText.String(v.GetValue<string>()),
            _ => value.ToJsonString(),
        };
}
