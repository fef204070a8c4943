namespace Slipway.Environments.Yaml;

/// <summary>A mapping whose keys keep the order they were first written in.</summary>
public sealed class ConfigMapping : ConfigNode
{
    // Small mappings (most of them) are searched linearly; an index is built at the first lookup in a mapping larger
    // than this. Built lazily because most mappings of a file's tree are only ever enumerated (merging and validation
    // look keys up in the merged copies), so their trees stay smaller and cheaper for the GC.
    private const int IndexThreshold = 8;

    // The entries in order (a removed one leaves a null), in slots [0, _length); an array of its own rather than a List
    // so a file's tree holds one object less per mapping, and the reader can hand over an array of the exact size.
    private ConfigEntry?[] _entries;
    private int _length;
    private Dictionary<string, int>? _index;
    private int _count;

    // The keys a layer's null removed (rare, so made on the first): the null's entry, whose Previous is what it removed.
    private Dictionary<string, ConfigEntry>? _removed;

    public ConfigMapping(SourceLocation location, int capacity = 4)
        : base(location)
    {
        _entries = capacity > 0 ? new ConfigEntry?[capacity] : [];
    }

    /// <summary>A mapping of <paramref name="entries"/>, whose keys are distinct (the array is kept, not copied).</summary>
    internal ConfigMapping(SourceLocation location, ConfigEntry[] entries)
        : base(location)
    {
        _entries = entries;
        _length = _count = entries.Length;
    }

    public override string KindName => "mapping";

    /// <summary>Tagged <c>!replace</c>: the mapping replaces the inherited one whole instead of merging into it.</summary>
    public bool Replace { get; init; }

    public int Count => _count;

    /// <summary>The entries in order (a struct: a <c>foreach</c> over it allocates nothing).</summary>
    public EntryList Entries => new(this);

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public ConfigEntry? GetEntry(string key) => IndexOf(key) is int i and >= 0 ? _entries[i] : null;

    public ConfigNode? Get(string key) => GetEntry(key)?.Value;

    /// <summary>Adds or replaces an entry; a replaced key keeps its position.</summary>
    public void Set(ConfigEntry entry)
    {
        int i = IndexOf(entry.Key);
        if (i >= 0)
        {
            _entries[i] = entry;
            return;
        }

        Add(entry);
    }

    /// <summary>
    /// <see cref="IndexOf(string)"/>, trying <paramref name="hint"/> first: layers usually write their keys in the same order,
    /// so a merge that looks up one file's keys in order mostly finds each where the previous one's successor is, and a
    /// merged mapping needs no index.
    /// </summary>
    internal int IndexOf(string key, int hint)
        => (uint)hint < (uint)_length && _entries[hint] is { } entry && string.Equals(entry.Key, key, StringComparison.Ordinal) ? hint : IndexOf(key);

    /// <summary>The position of <paramref name="key"/> (for <see cref="SetAt"/> and <see cref="RemoveAt"/>), or -1.</summary>
    internal int IndexOf(string key)
    {
        Dictionary<string, int>? index = Volatile.Read(ref _index);
        if (index is null && _length > IndexThreshold)
        {
            index = BuildIndex();
        }

        if (index is not null)
        {
            return index.TryGetValue(key, out int i) ? i : -1;
        }

        for (int i = 0; i < _length; i++)
        {
            if (_entries[i] is { } entry && string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The <c>key: null</c> entry of the last layer that removed <paramref name="key"/> from this merged mapping (its
    /// <see cref="ConfigEntry.Previous"/> is the value removed, if any), or null: where to report a key that is missing.
    /// </summary>
    public ConfigEntry? RemovedBy(string key) => _removed is not null && _removed.TryGetValue(key, out ConfigEntry? entry) ? entry : null;

    /// <summary>Records that a layer's null (<paramref name="entry"/>) removed its key here.</summary>
    internal void MarkRemoved(ConfigEntry entry) => (_removed ??= new Dictionary<string, ConfigEntry>(StringComparer.Ordinal))[entry.Key] = entry;

    /// <summary>The entry at a position from <see cref="IndexOf"/>.</summary>
    internal ConfigEntry EntryAt(int index) => _entries[index]!;

    /// <summary>
    /// Sets <paramref name="entry"/> at <paramref name="index"/>, the position of its key found by <see cref="IndexOf"/>
    /// (-1: the key is new, added at the end). Saves the merge a second lookup.
    /// </summary>
    internal void SetAt(int index, ConfigEntry entry)
    {
        if (index >= 0)
        {
            _entries[index] = entry;
        }
        else
        {
            Add(entry);
        }
    }

    /// <summary>Removes the entry at a position found by <see cref="IndexOf"/>.</summary>
    internal void RemoveAt(int index)
    {
        _index?.Remove(_entries[index]!.Key);
        _entries[index] = null;
        _count--;
    }

    private void Add(ConfigEntry entry)
    {
        if (_length == _entries.Length)
        {
            Array.Resize(ref _entries, Math.Max(4, _length * 2));
        }

        _index?.Add(entry.Key, _length);
        _entries[_length++] = entry;
        _count++;
    }

    /// <summary>
    /// Builds the index and publishes it whole: threads reading a finished tree at the same time either see it complete
    /// or build their own (lookups never change a mapping otherwise).
    /// </summary>
    private Dictionary<string, int> BuildIndex()
    {
        var index = new Dictionary<string, int>(_length * 2, StringComparer.Ordinal);
        for (int j = 0; j < _length; j++)
        {
            if (_entries[j] is { } existing)
            {
                index[existing.Key] = j;
            }
        }

        Volatile.Write(ref _index, index);
        return index;
    }

    public bool Remove(string key)
    {
        int i = IndexOf(key);
        if (i < 0)
        {
            return false;
        }

        RemoveAt(i);
        return true;
    }

    /// <summary>
    /// Follows a path (<c>apps.web.tag</c>; keys holding dots in brackets, <c>values["docker.io"]</c>, see
    /// <see cref="ConfigPath"/>); null when any part is missing.
    /// </summary>
    public ConfigEntry? Find(string path) => Parent(path, out string? key)?.GetEntry(key!);

    /// <summary>
    /// For a key a layer deleted (<c>key: null</c>) at <paramref name="path"/>: that null's entry (its
    /// <see cref="ConfigEntry.Previous"/> is what it removed); null when the key is set or was never deleted.
    /// </summary>
    public ConfigEntry? FindRemoval(string path)
        => Parent(path, out string? key) is { } parent && parent.GetEntry(key!) is null ? parent.RemovedBy(key!) : null;

    private ConfigMapping? Parent(string path, out string? key)
    {
        IReadOnlyList<string>? parts = path.Contains('[', StringComparison.Ordinal) ? ConfigPath.Parse(path) : path.Split('.');
        key = null;
        if (parts is null || parts.Count == 0)
        {
            return null;
        }

        ConfigMapping current = this;
        for (int i = 0; i < parts.Count - 1; i++)
        {
            if (current.Get(parts[i]) is not ConfigMapping next)
            {
                return null;
            }

            current = next;
        }

        key = parts[^1];
        return current;
    }

    /// <summary>The entries of a mapping in order, skipping removed ones; enumerated without allocating.</summary>
    public readonly struct EntryList(ConfigMapping mapping) : IEnumerable<ConfigEntry>
    {
        public Enumerator GetEnumerator() => new(mapping);

        IEnumerator<ConfigEntry> IEnumerable<ConfigEntry>.GetEnumerator() => GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>Walks the slots in order; a mapping must not change while it is enumerated.</summary>
        public struct Enumerator(ConfigMapping mapping) : IEnumerator<ConfigEntry>
        {
            private int _next;

            public ConfigEntry Current { get; private set; } = null!;

            readonly object System.Collections.IEnumerator.Current => Current;

            public bool MoveNext()
            {
                // default(EntryList) (what 'mapping?.Entries ?? []' gives for no mapping) has no entries.
                while (mapping is not null && _next < mapping._length)
                {
                    if (mapping._entries[_next++] is { } entry)
                    {
                        Current = entry;
                        return true;
                    }
                }

                return false;
            }

            public void Reset() => _next = 0;

            public readonly void Dispose()
            {
            }
        }
    }
}
