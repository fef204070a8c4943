using System.Globalization;
using System.Text;
using Slipway.Environments.Yaml;

namespace Slipway.Environments;

/// <summary>Writes scalars and keys so that YAML reads them back as the same strings.</summary>
public static class YamlText
{
    public const string Mask = "***";

    public static string Scalar(ConfigScalar scalar)
    {
        if (scalar.Quoted && ReadsAsNonString(scalar.Value))
        {
            return Quote(scalar.Value);
        }

        return Plain(scalar.Value);
    }

    /// <summary>The value as a plain scalar when that reads back as the same text, else double-quoted.</summary>
    public static string Plain(string value)
        => NeedsQuotes(value) ? Quote(value) : value;

    public static string Quote(string value)
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
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    private static bool ReadsAsNonString(string value)
        => value is "" or "~" or "null" or "Null" or "NULL" or "true" or "false" or "True" or "False" or "TRUE" or "FALSE" or "yes" or "no" or "on" or "off"
            || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            || (value.Any(char.IsDigit) && value.All(c => char.IsDigit(c) || c is ':' or '.' or '_' or '+' or '-'));

    /// <summary>The value for a flow list (<c>[a, b]</c>): also quoted when it holds flow indicators.</summary>
    public static string Flow(ConfigScalar scalar)
    {
        string text = Scalar(scalar);
        return text.StartsWith('"') || text.IndexOfAny([',', '[', ']', '{', '}']) < 0 ? text : Quote(scalar.Value);
    }

    private static bool NeedsQuotes(string value)
    {
        if (value.Length == 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return true;
        }

        if ("-?:,[]{}#&*!|>'\"%@`".Contains(value[0], StringComparison.Ordinal))
        {
            return !(value[0] is '-' && value.Length > 1 && char.IsDigit(value[1]) && double.TryParse(value, CultureInfo.InvariantCulture, out _));
        }

        return value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal)
            || value.EndsWith(':') || value.Any(char.IsControl);
    }
}
