using System.Globalization;
using Slipway.Environments;
using Slipway.Environments.Yaml;

namespace Slipway.Freezing.Lock;

/// <summary>
/// Reads a lock written by <see cref="VersionLockWriter"/>. A file that is not such a lock (bad YAML, a missing or
/// malformed field) is bad input naming <c>file:line</c>; an entry whose fields no longer match its integrity hash was
/// edited by hand and is refused the same way, naming the entry and how to refresh it.
/// </summary>
public static class VersionLockReader
{
    /// <summary>The lock of <paramref name="environment"/>, or null when it has none.</summary>
    public static async Task<VersionLock?> ReadIfExistsAsync(string repositoryRoot, string environment, CancellationToken cancellationToken)
    {
        string path = VersionLock.FullPath(repositoryRoot, environment);
        if (!File.Exists(path))
        {
            return null;
        }

        string text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return Parse(text, VersionLock.RelativePath(environment));
    }

    /// <summary>Synchronous <see cref="ReadIfExistsAsync"/>, for the catalogue's resolve.</summary>
    public static VersionLock? ReadIfExists(string repositoryRoot, string environment)
    {
        string path = VersionLock.FullPath(repositoryRoot, environment);
        return File.Exists(path) ? Parse(File.ReadAllText(path), VersionLock.RelativePath(environment)) : null;
    }

    /// <exception cref="SlipwayException">Input (exit 2) naming <paramref name="file"/> and the line.</exception>
    public static VersionLock Parse(string text, string file)
    {
        YamlReadResult result = YamlTreeReader.Read(text, file);
        if (result.Diagnostics.FirstOrDefault(d => d.IsError) is { } error)
        {
            throw Corrupt(file, error.Line, error.Message);
        }

        if (result.Root is not ConfigMapping root)
        {
            throw Corrupt(file, 1, "not a lock (expected a mapping with environment, operator, configuration and entries)");
        }

        string environment = Required(root, "environment", file);
        ConfigEntry operatorEntry = root.GetEntry("operator") ?? throw Corrupt(file, root.Location.Line, "'operator' is missing");
        PinOperator pin = PinOperators.TryParse(Scalar(operatorEntry, file))
            ?? throw Corrupt(file, operatorEntry.KeyLocation.Line, $"operator '{Scalar(operatorEntry, file)}' is neither \"==\" nor \"~=\"");
        ConfigMapping configuration = root.Get("configuration") as ConfigMapping ?? throw Corrupt(file, root.Location.Line, "'configuration' is missing or not a mapping");
        string hash = Required(configuration, "hash", file);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        if (configuration.Get("keys") is ConfigMapping keyMapping)
        {
            foreach (ConfigEntry key in keyMapping.Entries)
            {
                keys[key.Key] = Scalar(key, file);
            }
        }

        ConfigurationFingerprint fingerprint = ConfigurationFingerprint.FromKeys(keys);
        if (fingerprint.Hash != hash)
        {
            throw Corrupt(file, configuration.GetEntry("hash")!.KeyLocation.Line,
                $"configuration.hash does not match configuration.keys (edited by hand?): refresh the lock with ./build.sh Freeze --env {environment}");
        }

        ConfigEntry entriesEntry = root.GetEntry("entries") ?? throw Corrupt(file, root.Location.Line, "'entries' is missing");
        if (entriesEntry.Value is not ConfigSequence sequence)
        {
            throw Corrupt(file, entriesEntry.KeyLocation.Line, "'entries' is not a list");
        }

        List<LockEntry> entries = [.. sequence.Items.Select(item => ReadEntry(item, file, environment))];
        return new VersionLock(environment, pin, fingerprint, entries);
    }

    private static LockEntry ReadEntry(ConfigNode item, string file, string environment)
    {
        if (item is not ConfigMapping mapping)
        {
            throw Corrupt(file, item.Location.Line, "an entry is not a mapping");
        }

        ConfigEntry kindEntry = mapping.GetEntry("kind") ?? throw Corrupt(file, mapping.Location.Line, "an entry has no 'kind'");
        LockEntryKind kind = LockEntryKinds.Parse(Scalar(kindEntry, file))
            ?? throw Corrupt(file, kindEntry.KeyLocation.Line, $"kind '{Scalar(kindEntry, file)}' is not chart, image or module");
        string key = Required(mapping, "key", file);
        string resolvedAt = Required(mapping, "resolvedAt", file);
        if (!DateTimeOffset.TryParse(resolvedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset at))
        {
            throw Corrupt(file, mapping.GetEntry("resolvedAt")!.KeyLocation.Line, $"resolvedAt '{resolvedAt}' is not a time (yyyy-MM-ddTHH:mm:ssZ)");
        }

        var entry = new LockEntry(kind, key, Required(mapping, "subject", file), Required(mapping, "requested", file))
        {
            Resolved = Required(mapping, "resolved", file),
            Pin = Required(mapping, "pin", file),
            Source = Required(mapping, "source", file),
            ResolvedAt = at,
            Line = mapping.Location.Line,
        };
        if (Required(mapping, "integrity", file) != entry.Integrity)
        {
            throw Corrupt(file, mapping.Location.Line,
                $"entry {key} was edited by hand (its fields no longer match its integrity hash): freeze again with ./build.sh Freeze --env {environment}");
        }

        return entry;
    }

    private static string Required(ConfigMapping mapping, string key, string file)
    {
        ConfigEntry entry = mapping.GetEntry(key) ?? throw Corrupt(file, mapping.Location.Line, $"'{key}' is missing");
        return Scalar(entry, file);
    }

    private static string Scalar(ConfigEntry entry, string file)
        => entry.Value is ConfigScalar { IsNull: false } scalar
            ? scalar.Value
            : throw Corrupt(file, entry.KeyLocation.Line, $"'{entry.Key}' is empty or not a single value");

    private static SlipwayException Corrupt(string file, int line, string problem)
        => SlipwayException.Input($"{file}:{line}: {problem} (the lock is written by ./build.sh Freeze, which replaces a damaged one)");
}
