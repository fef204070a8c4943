using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace Slipway.GitOps.Yaml;

/// <summary>Writes a scalar's source text in a given quoting style, and decides when plain text is safe.</summary>
public static partial class YamlScalarText
{
    private static readonly HashSet<string> s_reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    };

    /// <summary>The text of <paramref name="value"/> in <paramref name="style"/>, or double-quoted when that style cannot hold it.</summary>
    public static string Format(string value, ScalarStyle style, YamlValueKind kind)
    {
        if (kind == YamlValueKind.Literal)
        {
            return IsSafeLiteral(value) ? value : DoubleQuoted(value);
        }

        return style switch
        {
            ScalarStyle.SingleQuoted when !value.Contains('\n') => SingleQuoted(value),
            ScalarStyle.DoubleQuoted => DoubleQuoted(value),
            ScalarStyle.Plain or ScalarStyle.Any when IsSafePlainString(value) => value,
            _ => DoubleQuoted(value),
        };
    }

    /// <summary>The plain text if it reads back as the same string, else double-quoted.</summary>
    public static string String(string value) => Format(value, ScalarStyle.Plain, YamlValueKind.String);

    public static string SingleQuoted(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string DoubleQuoted(string value)
    {
        var text = new StringBuilder(value.Length + 2);
        text.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>True when <paramref name="value"/> written plain reads back as this same string (YAML 1.1 and 1.2 resolvers).</summary>
    public static bool IsSafePlainString(string value)
    {
        if (value.Length == 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return false;
        }

        bool indicator = ",[]{}#&*!|>'\"%@`".Contains(value[0]) || ("-?:".Contains(value[0]) && (value.Length == 1 || value[1] == ' '));
        if (indicator || value is "---" or "..." || s_reserved.Contains(value) || LooksTyped().IsMatch(value))
        {
            return false;
        }

        foreach (char c in value)
        {
            if (char.IsControl(c) || c is ',' or '[' or ']' or '{' or '}')
            {
                return false;
            }
        }

        return !value.Contains(": ", StringComparison.Ordinal) && !value.Contains(" #", StringComparison.Ordinal) && !value.EndsWith(':');
    }

    private static bool IsSafeLiteral(string value)
        => value.Length > 0 && (LooksTyped().IsMatch(value) || s_reserved.Contains(value));

    // Numbers (int, float, hex, octal, sexagesimal-ish), .inf/.nan, and dates/times that YAML 1.1 resolves.
    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o[0-7]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[0-9]+(:[0-5]?[0-9])+(\.[0-9_]*)?|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?)$")]
    private static partial Regex LooksTyped();
}
