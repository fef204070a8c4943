using Slipway.Environments.Yaml;

namespace Slipway.Environments;

/// <summary>
/// The merge rules: mappings merge key by key, unless tagged <c>!replace</c> (then they replace the inherited value
/// whole); scalars and lists are replaced by the later layer; <c>null</c> removes the key (the merged mapping remembers
/// where, <see cref="ConfigMapping.RemovedBy"/>), while <c>!null</c> is a value (a null kept for chart values); a list
/// tagged <c>!append</c> is added after the inherited list. A replaced entry keeps the one it overrode as <see cref="ConfigEntry.Previous"/>,
/// so every value knows its override chain.
/// </summary>
public static class ConfigMerger
{
    /// <summary>Merges <paramref name="source"/> (a file's tree, left unchanged) into <paramref name="target"/> (a merge result).</summary>
    public static void MergeInto(ConfigMapping target, ConfigMapping source, ICollection<Diagnostic> diagnostics, bool topLevel = false)
        => MergeInto(target, source, diagnostics, topLevel, null);

    /// <summary>As above; <paramref name="watch"/> notes overrides between layers no extends list orders.</summary>
    internal static void MergeInto(ConfigMapping target, ConfigMapping source, ICollection<Diagnostic> diagnostics, bool topLevel, LayerDisagreements? watch)
    {
        int next = 0;
        foreach (ConfigEntry entry in source.Entries)
        {
            if (topLevel && entry.Key is EnvironmentCatalog.ExtendsKey or EnvironmentCatalog.AllowPlainTextSecretsKey)
            {
                continue;
            }

            int at = target.IndexOf(entry.Key, next);
            next = at >= 0 ? at + 1 : next;
            ConfigEntry? existing = at >= 0 ? target.EntryAt(at) : null;
            if (watch is not null && (existing ?? target.RemovedBy(entry.Key)) is { } overridden
                && !(overridden.Value is ConfigMapping && entry.Value is ConfigMapping { Replace: false }))
            {
                watch.Overriding(target, overridden, entry);
            }

            switch (entry.Value)
            {
                case ConfigScalar { IsNull: true }:
                    if (at >= 0)
                    {
                        target.RemoveAt(at);
                    }

                    target.MarkRemoved(new ConfigEntry(entry.Key, entry.KeyLocation, entry.Value, existing ?? target.RemovedBy(entry.Key)?.Previous));
                    break;

                case ConfigMapping { Replace: false } mapping when existing?.Value is ConfigMapping inherited:
                    MergeInto(inherited, mapping, diagnostics, false, watch);
                    break;

                case ConfigMapping mapping:
                    target.SetAt(at, new ConfigEntry(entry.Key, entry.KeyLocation, Copy(mapping, diagnostics), existing ?? target.RemovedBy(entry.Key)));
                    break;

                case ConfigSequence { Append: true } sequence when existing?.Value is ConfigSequence inherited:
                    var items = new List<ConfigNode>(inherited.Items.Count + sequence.Items.Count);
                    items.AddRange(inherited.Items);
                    items.AddRange(sequence.Items);
                    target.SetAt(at, new ConfigEntry(entry.Key, entry.KeyLocation, new ConfigSequence(items, false, sequence.Location), existing));
                    break;

                case ConfigSequence { Append: true } sequence:
                    diagnostics.Add(AppendWithoutList(entry, existing));
                    target.SetAt(at, new ConfigEntry(entry.Key, entry.KeyLocation, sequence, existing ?? target.RemovedBy(entry.Key)));
                    break;

                default:
                    target.SetAt(at, new ConfigEntry(entry.Key, entry.KeyLocation, entry.Value, existing ?? target.RemovedBy(entry.Key)));
                    break;
            }
        }
    }

    /// <summary>
    /// A fresh copy of the mappings of a file's tree (so a merge never changes it), without its null keys. A mapping's
    /// keys are unique (the reader keeps the last of duplicates), so entries are added without looking them up.
    /// </summary>
    private static ConfigMapping Copy(ConfigMapping source, ICollection<Diagnostic> diagnostics)
    {
        var copy = new ConfigMapping(source.Location, source.Count);
        foreach (ConfigEntry entry in source.Entries)
        {
            switch (entry.Value)
            {
                case ConfigScalar { IsNull: true }:
                    copy.MarkRemoved(entry);
                    break;
                case ConfigMapping mapping:
                    copy.SetAt(-1, new ConfigEntry(entry.Key, entry.KeyLocation, Copy(mapping, diagnostics)));
                    break;
                case ConfigSequence { Append: true }:
                    diagnostics.Add(AppendWithoutList(entry, null));
                    copy.SetAt(-1, entry);
                    break;
                default:
                    copy.SetAt(-1, entry);
                    break;
            }
        }

        return copy;
    }

    private static Diagnostic AppendWithoutList(ConfigEntry entry, ConfigEntry? inherited)
        => Diagnostic.Warning(entry.Value.Location, EnvironmentDiagnosticCodes.AppendWithoutInheritedList, inherited is null
            ? $"!append on '{entry.Key}', but no earlier layer sets a list there: the list is used as written (remove !append, or check extends)"
            : $"!append on '{entry.Key}', but the inherited value (at {inherited.KeyLocation}) is a {inherited.Value.KindName}, not a list: the list replaces it (remove !append)");
}
