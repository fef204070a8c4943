using System.Globalization;
using Slipway.Environments.Yaml;

namespace Slipway.Environments.Settings;

/// <summary>Typed reads from a validated tree, with defaults.</summary>
internal static class ConfigReader
{
    public static string? String(ConfigMapping? mapping, string key)
        => mapping?.Get(key) is ConfigScalar { IsNull: false } scalar ? scalar.Value : null;

    public static string String(ConfigMapping? mapping, string key, string fallback) => String(mapping, key) ?? fallback;

    public static bool Bool(ConfigMapping? mapping, string key) => String(mapping, key) == "true";

    public static int Int(ConfigMapping? mapping, string key, int fallback)
        => int.TryParse(String(mapping, key), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) ? value : fallback;

    public static TimeSpan Duration(ConfigMapping? mapping, string key, TimeSpan fallback)
        => String(mapping, key) is { } text ? Environments.Duration.Parse(text, fallback) : fallback;

    public static ConfigMapping? Mapping(ConfigMapping? mapping, string key) => mapping?.Get(key) as ConfigMapping;

    public static IReadOnlyList<string> Strings(ConfigMapping? mapping, string key)
        => mapping?.Get(key) is ConfigSequence sequence
            ? [.. sequence.Items.OfType<ConfigScalar>().Where(item => !item.IsNull).Select(item => item.Value)]
            : [];

    /// <summary>A plain object: dictionaries, lists, strings, bools, longs, doubles, nulls (plain scalars typed as YAML 1.2 core).</summary>
    public static object? Plain(ConfigNode node) => node switch
    {
        ConfigMapping mapping => PlainMapping(mapping),
        ConfigSequence sequence => sequence.Items.Select(Plain).ToList(),
        ConfigScalar { IsNull: true } or ConfigScalar { IsExplicitNull: true } => null,
        ConfigScalar { Quoted: true } scalar => scalar.Value,
        ConfigScalar { Value: "true" or "True" or "TRUE" } => true,
        ConfigScalar { Value: "false" or "False" or "FALSE" } => false,
        ConfigScalar scalar when long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number) => number,
        ConfigScalar scalar when scalar.Value.Any(char.IsDigit) && !scalar.Value.Any(char.IsLetter)
            && double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double real) => real,
        ConfigScalar scalar => scalar.Value,
        _ => null,
    };

    public static Dictionary<string, object?> PlainMapping(ConfigMapping? mapping)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (mapping is not null)
        {
            foreach (ConfigEntry entry in mapping.Entries)
            {
                result[entry.Key] = Plain(entry.Value);
            }
        }

        return result;
    }
}
