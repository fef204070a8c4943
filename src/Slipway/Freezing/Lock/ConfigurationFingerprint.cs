using System.Security.Cryptography;
using System.Text;
using Slipway.Environments.Yaml;

namespace Slipway.Freezing.Lock;

/// <summary>
/// A stable fingerprint of a merged configuration: a short hash of every leaf value by its key path (a list is one leaf),
/// and one hash over them all. Stable across runs, layer order and file layout: only values count, not where they came
/// from. Comparing two fingerprints names the keys that changed without storing a value (some may be plain secrets).
/// </summary>
public sealed record ConfigurationFingerprint(string Hash, IReadOnlyDictionary<string, string> Keys)
{
    private const int ShortHashLength = 12;

    public static ConfigurationFingerprint Of(ConfigMapping root)
    {
        var keys = new SortedDictionary<string, string>(StringComparer.Ordinal);
        AddLeaves(root, string.Empty, keys);
        return FromKeys(keys);
    }

    public static ConfigurationFingerprint FromKeys(IReadOnlyDictionary<string, string> keys)
    {
        var sorted = new SortedDictionary<string, string>(keys.ToDictionary(), StringComparer.Ordinal);
        string all = string.Concat(sorted.Select(pair => $"{pair.Key}={pair.Value}\n"));
        return new ConfigurationFingerprint("sha256:" + Sha256(all), sorted);
    }

    /// <summary>The keys whose values differ between this (the older) and <paramref name="current"/>, added and removed ones included, sorted.</summary>
    public IReadOnlyList<string> ChangedKeys(ConfigurationFingerprint current)
        => [.. Keys.Keys.Union(current.Keys.Keys)
            .Where(key => !Keys.TryGetValue(key, out string? before) || !current.Keys.TryGetValue(key, out string? after) || before != after)
            .Order(StringComparer.Ordinal)];

    private static void AddLeaves(ConfigNode node, string path, IDictionary<string, string> keys)
    {
        if (node is ConfigMapping mapping && mapping.Count > 0)
        {
            foreach (ConfigEntry entry in mapping.Entries)
            {
                AddLeaves(entry.Value, ConfigPath.Append(path, entry.Key), keys);
            }

            return;
        }

        keys[path] = Sha256(Canonical(node))[..ShortHashLength];
    }

    private static string Canonical(ConfigNode node) => node switch
    {
        ConfigScalar { IsNull: true } or ConfigScalar { IsExplicitNull: true } => "~",
        ConfigScalar scalar => "=" + scalar.Value,
        ConfigSequence sequence => "[" + string.Join(",", sequence.Items.Select(item => Canonical(item).Length + ":" + Canonical(item))) + "]",
        ConfigMapping mapping => "{" + string.Join(",", mapping.Entries.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => e.Key.Length + ":" + e.Key + Canonical(e.Value))) + "}",
        _ => "?",
    };

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
