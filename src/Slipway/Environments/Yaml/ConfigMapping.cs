namespace Slipway.Environments.Yaml;

/// <summary>A mapping whose keys keep the order they were first written in.</summary>
public sealed class ConfigMapping : ConfigNode
{
    private readonly List<ConfigEntry?> _entries;
    private readonly Dictionary<string, int> _index;
    private int _count;

    public ConfigMapping(SourceLocation location, int capacity = 4)
        : base(location)
    {
        _entries = new List<ConfigEntry?>(capacity);
        _index = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
    }

    public override string KindName => "mapping";

    public int Count => _count;

    /// <summary>The entries in order.</summary>
    public IEnumerable<ConfigEntry> Entries
    {
        get
        {
            foreach (ConfigEntry? entry in _entries)
            {
                if (entry is not null)
                {
                    yield return entry;
                }
            }
        }
    }

    public bool ContainsKey(string key) => _index.ContainsKey(key);

    public ConfigEntry? GetEntry(string key) => _index.TryGetValue(key, out int i) ? _entries[i] : null;

    public ConfigNode? Get(string key) => GetEntry(key)?.Value;

    /// <summary>Adds or replaces an entry; a replaced key keeps its position.</summary>
    public void Set(ConfigEntry entry)
    {
        if (_index.TryGetValue(entry.Key, out int i))
        {
            _entries[i] = entry;
            return;
        }

        _index.Add(entry.Key, _entries.Count);
        _entries.Add(entry);
        _count++;
    }

    public bool Remove(string key)
    {
        if (!_index.Remove(key, out int i))
        {
            return false;
        }

        _entries[i] = null;
        _count--;
        return true;
    }

    /// <summary>Follows a dotted path (<c>apps.web.tag</c>); null when any part is missing.</summary>
    public ConfigEntry? Find(string dottedPath)
    {
        ConfigMapping current = this;
        string[] parts = dottedPath.Split('.');
        for (int i = 0; i < parts.Length; i++)
        {
            ConfigEntry? entry = current.GetEntry(parts[i]);
            if (entry is null)
            {
                return null;
            }

            if (i == parts.Length - 1)
            {
                return entry;
            }

            if (entry.Value is not ConfigMapping next)
            {
                return null;
            }

            current = next;
        }

        return null;
    }
}
