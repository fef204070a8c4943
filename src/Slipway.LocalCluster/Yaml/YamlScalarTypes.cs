using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Slipway.LocalCluster.Yaml;

/// <summary>
/// Types a YAML scalar as the Kubernetes tools do when they turn YAML into JSON (sigs.k8s.io/yaml over go-yaml):
/// a quoted or <c>!!str</c> scalar is a string; plain <c>""</c>, <c>~</c>, <c>null</c> are null; <c>true</c>/<c>false</c>
/// (also <c>True</c>, <c>TRUE</c>, …) are booleans; integers may carry <c>_</c> separators and <c>0x</c>, <c>0o</c>,
/// <c>0b</c> or a leading <c>0</c> (octal, so <c>defaultMode: 0644</c> is 420); decimal floats are numbers.
/// The YAML 1.1 words <c>yes</c>, <c>no</c>, <c>on</c>, <c>off</c>, <c>y</c>, <c>n</c> stay strings, as YAML 1.2 and
/// kustomize (go-yaml v3, what Flux applies with) read them; Slipway's writers always quote them, so no file it
/// writes depends on the difference. <c>.inf</c> and <c>.nan</c> stay strings (JSON has no such numbers).
/// </summary>
internal static partial class YamlScalarTypes
{
    private const string StringTag = "tag:yaml.org,2002:str";

    public static JsonNode? ToJson(YamlScalarNode scalar)
    {
        string text = scalar.Value ?? string.Empty;
        bool explicitTag = !scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific;
        if ((explicitTag && scalar.Tag.Value == StringTag) || (!explicitTag && scalar.Style is not ScalarStyle.Plain and not ScalarStyle.Any))
        {
            return JsonValue.Create(text);
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        return Number(text) ?? JsonValue.Create(text);
    }

    private static JsonValue? Number(string text)
    {
        if (text.Length == 0 || !(char.IsAsciiDigit(text[0]) || text[0] is '-' or '+' or '.'))
        {
            return null;
        }

        string plain = text.Replace("_", string.Empty, StringComparison.Ordinal);
        if (Integer(plain) is { } integer)
        {
            return integer;
        }

        return Float().IsMatch(plain) && double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out double real)
            ? JsonValue.Create(real)
            : null;
    }

    // Go's strconv.ParseInt(text, 0, 64), then ParseUint: an optional sign, then 0x / 0o / 0b / leading-0 octal or decimal.
    private static JsonValue? Integer(string text)
    {
        bool negative = text.StartsWith('-');
        string digits = text.Length > 0 && text[0] is '-' or '+' ? text[1..] : text;
        (int radix, string body) = digits.Length > 1 && digits[0] == '0'
            ? char.ToLowerInvariant(digits[1]) switch
            {
                'x' => (16, digits[2..]),
                'o' => (8, digits[2..]),
                'b' => (2, digits[2..]),
                _ => (8, digits[1..]),
            }
            : (10, digits);
        if (body.Length == 0 || !body.All(c => IsDigit(c, radix)))
        {
            return null;
        }

        UInt128 value = 0;
        foreach (char c in body)
        {
            value = (value * (uint)radix) + (uint)Convert.ToInt32(c.ToString(), 16);
            if (value > ulong.MaxValue)
            {
                return null;
            }
        }

        if (negative)
        {
            return value <= (UInt128)long.MaxValue + 1 ? JsonValue.Create((long)(-(Int128)value)) : null;
        }

        // Past long's range only an unsigned number parses (ParseUint takes no sign).
        return value <= long.MaxValue ? JsonValue.Create((long)value) : text[0] == '+' ? null : JsonValue.Create((ulong)value);
    }

    private static bool IsDigit(char c, int radix) => radix switch
    {
        16 => char.IsAsciiHexDigit(c),
        10 => char.IsAsciiDigit(c),
        8 => c is >= '0' and <= '7',
        _ => c is '0' or '1',
    };

    // go-yaml's yamlStyleFloat.
    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
