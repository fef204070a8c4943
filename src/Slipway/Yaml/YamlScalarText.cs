using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace Slipway.Yaml;

/// <summary>
/// Writes a scalar's source text so that YAML reads it back as the same value: the one quoting rule for every YAML
/// file Slipway writes (GitOps manifests, release logs, printed and scaffolded environments). Plain text is used only
/// when both YAML 1.1 resolvers (go-yaml v2 as used by sigs.k8s.io/yaml, kubectl, Helm and Flux) and YAML 1.2 ones
/// read it as a string: so <c>y</c>, <c>n</c>, <c>yes</c>, <c>no</c>, <c>on</c>, <c>off</c> (any case), numbers and
/// dates are quoted.
/// </summary>
public static partial class YamlScalarText
{
    private static readonly HashSet<string> s_reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    };

    private static readonly char[] s_flowIndicators = [',', '[', ']', '{', '}'];

    /// <summary>The text of <paramref name="value"/> in <paramref name="style"/>, or double-quoted when that style cannot hold it.</summary>
    public static string Format(string value, ScalarStyle style, YamlValueKind kind)
    {
        if (kind == YamlValueKind.Literal)
        {
            return IsTypedLiteral(value) ? value : DoubleQuoted(value);
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

    /// <summary>
    /// The text of a scalar read from YAML source: a quoted one stays a string (written plain only when that reads
    /// back as the same string); a plain one is written as read, so a number, bool or null keeps its type, and is quoted
    /// only when <paramref name="inFlow"/> (an item of <c>[a, b]</c>) and it holds a flow indicator.
    /// </summary>
    public static string AsRead(string value, bool quoted, bool inFlow)
    {
        if (quoted)
        {
            return String(value);
        }

        return (IsTypedLiteral(value) || IsPlainSyntax(value)) && !(inFlow && value.IndexOfAny(s_flowIndicators) >= 0) ? value : DoubleQuoted(value);
    }

    public static string SingleQuoted(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string DoubleQuoted(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    /// <summary>
    /// True when <paramref name="value"/> written plain reads back as this same string (YAML 1.1 and 1.2 resolvers),
    /// in block and in flow context (so flow indicators are quoted too).
    /// </summary>
    public static bool IsSafePlainString(string value)
        => IsPlainSyntax(value) && !IsTypedLiteral(value) && value.IndexOfAny(s_flowIndicators) < 0;

    /// <summary>True when <paramref name="value"/> can be written as a plain scalar in block context, whatever type it then reads as.</summary>
    private static bool IsPlainSyntax(string value)
    {
        if (value.Length == 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return false;
        }

        bool indicator = ",[]{}#&*!|>'\"%@`".Contains(value[0]) || ("-?:".Contains(value[0]) && (value.Length == 1 || value[1] == ' '));
        return !indicator && value is not "---" and not "..." && !value.Any(char.IsControl)
            && !value.Contains(": ", StringComparison.Ordinal) && !value.Contains(" #", StringComparison.Ordinal) && !value.EndsWith(':');
    }

    /// <summary>True when <paramref name="value"/> written plain reads as a number, bool, null or date in YAML 1.1 or 1.2.</summary>
    public static bool IsTypedLiteral(string value)
        => value.Length > 0 && (s_reserved.Contains(value) || LooksTyped().IsMatch(value));

    // Numbers (int, float, hex, octal, sexagesimal-ish), .inf/.nan, and dates/times that YAML 1.1 resolves.
    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o[0-7]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[0-9]+(:[0-5]?[0-9])+(\.[0-9_]*)?|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?)$")]
    private static partial Regex LooksTyped();
}
