namespace Slipway.Environments.Yaml;

/// <summary>
/// What <see cref="PlainYamlScanner"/> reuses from one file to the next while a catalog is read (on one thread): the stack
/// of open mappings, their entries so far, the key sets that find duplicates, the strings already made and the
/// diagnostics. Reading a file then leaves little besides its tree, so the collections that run while the catalog's trees
/// are being built find little garbage between the survivors. Keys are shared by all the files of one load (every
/// release has chart, version, values …); values are shared within a file.
/// </summary>
internal sealed class YamlScanBuffers
{
    public List<ScanFrame> Open { get; } = [];

    /// <summary>The entries of the open mappings, outermost first: each frame's from its <see cref="ScanFrame.FirstEntry"/> on.</summary>
    public List<ConfigEntry> Entries { get; } = [];

    /// <summary>The keys of each open mapping, by depth (a set per depth, cleared when a mapping opens there).</summary>
    public List<HashSet<string>> Keys { get; } = [];

    public Dictionary<string, string> KeyStrings { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> ValueStrings { get; } = new(StringComparer.Ordinal);

    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>Forgets what belongs to one file (keeping the capacity); the shared keys stay.</summary>
    public void Reset()
    {
        Open.Clear();
        Entries.Clear();
        ValueStrings.Clear();
        Diagnostics.Clear();
    }
}
