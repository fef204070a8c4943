using Slipway.Environments.Yaml;

namespace Slipway.Environments;

/// <summary>
/// The merge rules: mappings merge key by key; scalars and lists are replaced by the later layer; <c>null</c> removes
/// the key (the merged mapping remembers where, <see cref="ConfigMapping.RemovedBy"/>); a list tagged <c>!append</c>
/// is added after the inherited list. A replaced entry keeps the one it overrode as <see cref="ConfigEntry.Previous"/>,
/// so every value knows its override chain.
/// </summary>
public static class ConfigMerger
{
    /// <summary>Merges <paramref name="source"/> (a file's tree, left unchanged) into <paramref name="target"/> (a merge result).</summary>
    public static void MergeInto(ConfigMapping target, ConfigMapping source, ICollection<Diagnostic> diagnostics, bool topLevel = false)
    {
        foreach (ConfigEntry entry in source.Entries)
        {
            if (topLevel && entry.Key == EnvironmentCatalog.ExtendsKey)
            {
                continue;
            }

            int at = target.IndexOf(entry.Key);
            ConfigEntry? existing = at >= 0 ? target.EntryAt(at) : null;
            switch (entry.Value)
            {
                case ConfigScalar { IsNull: true }:
                    if (at >= 0)
                    {
                        target.RemoveAt(at);
                    }

                    target.MarkRemoved(new ConfigEntry(entry.Key, entry.KeyLocation, entry.Value, existing ?? target.RemovedBy(entry.Key)?.Previous));
                    break;

                case ConfigMapping mapping when existing?.Value is ConfigMapping inherited:
                    MergeInto(inherited, mapping, diagnostics);
                    break;

                case ConfigMapping mapping:
                    target.SetAt(at, new ConfigEntry(entry.Key, entry.KeyLocation, Copy(mapping, diagnostics), existing));
                    break;

                case ConfigSequence { Append: true } sequence when existing?.Value is ConfigSequence inherited:
                    var items = new List<ConfigNode>(inherited.Items.Count + sequence.Items.Count);
                    items.AddRange(inherited.Items);
                    items.AddRange(sequence.Items);
                    target.SetAt(at, new ConfigEntry(entry.Key, entry.KeyLocation, new ConfigSequence(items, false, sequence.Location), existing));
                    break;

                case ConfigSequence { Append: true } sequence:
                    diagnostics.Add(AppendWithoutList(entry, existing));
                    target.SetAt(at, new ConfigEntry(entry.Key, entry.KeyLocation, sequence, existing));
                    break;

                default:
                    target.SetAt(at, new ConfigEntry(entry.Key, entry.KeyLocation, entry.Value, existing));
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
