using Slipway.Environments.Yaml;

namespace Slipway.Gates;

/// <summary>A merged configuration as dotted keys and their values (a list is one value), for comparing two versions of it.</summary>
public static class ConfigKeys
{
    public static IReadOnlyDictionary<string, string> Flatten(ConfigMapping? root)
    {
        var keys = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (root is not null)
        {
            Add(root, string.Empty, keys);
        }

        return keys;
    }

    private static void Add(ConfigNode node, string path, SortedDictionary<string, string> keys)
    {
        switch (node)
        {
            case ConfigMapping mapping:
                foreach (ConfigEntry entry in mapping.Entries)
                {
                    Add(entry.Value, path.Length == 0 ? entry.Key : $"{path}.{entry.Key}", keys);
                }

                break;
            case ConfigSequence sequence:
                keys[path] = "[" + string.Join(", ", sequence.Items.Select(Text)) + "]";
                break;
            case ConfigScalar scalar when !scalar.IsNull:
                keys[path] = scalar.Value;
                break;
        }
    }

    private static string Text(ConfigNode node) => node switch
    {
        ConfigScalar scalar => scalar.Value,
        ConfigMapping mapping => "{" + string.Join(", ", Flatten(mapping).Select(static p => $"{p.Key}: {p.Value}")) + "}",
        ConfigSequence sequence => "[" + string.Join(", ", sequence.Items.Select(Text)) + "]",
        _ => string.Empty,
    };
}
