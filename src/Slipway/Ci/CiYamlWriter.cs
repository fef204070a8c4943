using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Slipway.Yaml;

namespace Slipway.Ci;

/// <summary>
/// Writes a <see cref="CiYamlMap"/> as block-style YAML with two-space indentation and \n line ends. Strings are plain
/// only when they read back as the same string (<see cref="YamlScalarText"/>), so <c>"true"</c> or <c>"${{ x }}"</c> are quoted.
/// </summary>
public static partial class CiYamlWriter
{
    public static string Write(CiYamlMap root, IEnumerable<string> headerComments)
    {
        var text = new StringBuilder();
        foreach (string comment in headerComments)
        {
            text.Append("# ").Append(comment).Append('\n');
        }

        WriteMap(text, root, 0, spaced: true);
        return text.ToString();
    }

    /// <summary>Writes <paramref name="map"/>; <paramref name="spaced"/> puts a blank line between its entries (the top level, the jobs).</summary>
    private static void WriteMap(StringBuilder text, CiYamlMap map, int indent, bool spaced = false)
    {
        bool first = true;
        foreach ((string key, object value) in map)
        {
            if (spaced && !first)
            {
                text.Append('\n');
            }

            first = false;
            text.Append(' ', indent).Append(Key(key)).Append(':');
            WriteValue(text, value, indent, key == "jobs");
        }
    }

    private static void WriteValue(StringBuilder text, object value, int indent, bool spaced = false)
    {
        switch (value)
        {
            case CiYamlMap { Count: 0 }:
                text.Append(" {}\n");
                break;
            case CiYamlMap map:
                text.Append('\n');
                WriteMap(text, map, indent + 2, spaced);
                break;
            case IReadOnlyList<object> { Count: 0 }:
                text.Append(" []\n");
                break;
            case IReadOnlyList<object> list:
                text.Append('\n');
                WriteList(text, list, indent + 2);
                break;
            case string lines when IsLiteralBlock(lines):
                text.Append(lines.EndsWith('\n') ? " |\n" : " |-\n");
                foreach (string line in lines.TrimEnd('\n').Split('\n'))
                {
                    text.Append(' ', indent + 2).Append(line).Append('\n');
                }

                break;
            default:
                text.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private static void WriteList(StringBuilder text, IReadOnlyList<object> list, int indent)
    {
        foreach (object item in list)
        {
            text.Append(' ', indent).Append('-');
            if (item is CiYamlMap { Count: > 0 } map)
            {
                var nested = new StringBuilder();
                WriteMap(nested, map, indent + 2);
                text.Append(' ').Append(nested.ToString().TrimStart(' '));
            }
            else
            {
                WriteValue(text, item, indent);
            }
        }
    }

    /// <summary>A multi-line text written as a literal block (<c>|</c>): no control characters but \n, no trailing spaces, at most one final \n.</summary>
    private static bool IsLiteralBlock(string value)
        => value.Contains('\n') && !value.EndsWith("\n\n", StringComparison.Ordinal) && value.Length > 0 && !char.IsWhiteSpace(value[0])
            && !value.Any(c => char.IsControl(c) && c != '\n') && value.Split('\n').All(line => line.Length == 0 || !char.IsWhiteSpace(line[^1]));

    private static string Key(string key) => PlainKey().IsMatch(key) ? key : YamlScalarText.DoubleQuoted(key);

    private static string Scalar(object value) => value switch
    {
        string s => YamlScalarText.String(s),
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"A CI YAML value cannot be a {value.GetType().Name}.", nameof(value)),
    };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]*$")]
    private static partial Regex PlainKey();
}
