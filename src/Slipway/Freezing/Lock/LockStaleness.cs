using Slipway.Environments;
using Slipway.Environments.Yaml;
using Slipway.Freezing.Discovery;

namespace Slipway.Freezing.Lock;

/// <summary>
/// What Freeze --check (and Validate, for a protected environment) finds wrong with an environment's lock: no lock; a
/// floating value whose configured range or tag is not the one the lock pinned (naming the key, the old and the new value
/// and where the new one is set); a floating value the lock has no entry for; an entry for a value no longer configured;
/// any other key whose value changed since the lock was made (the merged configuration's fingerprint).
/// </summary>
public static class LockStaleness
{
    /// <summary>The problems, one readable line each; empty when the lock is current.</summary>
    public static IReadOnlyList<string> Check(ResolvedEnvironment unlocked, VersionLock? versionLock, IReadOnlyList<ModuleRequest>? modules = null)
    {
        string name = unlocked.Name;
        if (versionLock is null)
        {
            return [$"{VersionLock.RelativePath(name)} does not exist: nothing of {name} is pinned"];
        }

        var problems = new List<string>();
        IReadOnlyList<FloatingVersion> floating = FloatingVersionFinder.Find(unlocked, modules);
        var floatingKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (FloatingVersion version in floating)
        {
            floatingKeys.Add(version.Key);
            LockEntry? entry = versionLock.Find(version.Key);
            if (entry is null)
            {
                problems.Add($"{version.Location}: {version.Key} '{version.Requested}' is not pinned (the lock has no entry for it)");
            }
            else if (entry.Requested != version.Requested)
            {
                problems.Add($"{version.Location}: {version.Key} changed since the lock: locked '{entry.Requested}' (pinned {entry.Resolved}), now '{version.Requested}'");
            }
            else if (entry.Subject != version.Subject)
            {
                problems.Add($"{version.Location}: {version.Key} now resolves {version.Subject}, the lock pinned it from {entry.Subject}");
            }
        }

        foreach (LockEntry entry in versionLock.Entries.Where(e => !floatingKeys.Contains(e.Key)))
        {
            problems.Add($"{VersionLock.RelativePath(name)}: {entry.Key} is locked ('{entry.Requested}' -> {entry.Resolved}) but no longer configured");
        }

        var current = ConfigurationFingerprint.Of(unlocked.Root);
        if (current.Hash != versionLock.Configuration.Hash)
        {
            foreach (string key in versionLock.Configuration.ChangedKeys(current).Where(key => !floatingKeys.Contains(key) && versionLock.Find(key) is null))
            {
                problems.Add(Changed(unlocked, key, versionLock.Configuration.Keys.ContainsKey(key), current.Keys.ContainsKey(key)));
            }

            if (problems.Count == 0)
            {
                problems.Add($"the merged configuration of {name} changed since the lock was made ({versionLock.Configuration.Hash[..19]}… -> {current.Hash[..19]}…)");
            }
        }

        return problems;
    }

    /// <summary>The message of a failed check: the problems, then what to do.</summary>
    public static string Explain(string environment, IReadOnlyList<string> problems, string verdict)
        => $"{verdict}:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", problems)}{Environment.NewLine}"
            + $"Freeze again to pin what is configured now: ./build.sh Freeze --env {environment} (then commit {VersionLock.RelativePath(environment)})";

    private static string Changed(ResolvedEnvironment unlocked, string key, bool before, bool after)
    {
        ConfigEntry? entry = unlocked.Find(key);
        string where = entry is null ? VersionLock.RelativePath(unlocked.Name) : entry.KeyLocation.ToString();
        string now = entry?.Value is ConfigScalar scalar && !SecretKeys.LooksSecret(entry.Key) ? $"'{scalar.Value}'" : "a new value";
        return (before, after) switch
        {
            (false, _) => $"{where}: {key} was added since the lock ({now})",
            (_, false) => $"{where}: {key} was removed since the lock",
            _ => $"{where}: {key} changed since the lock (now {now}; the lock keeps only its hash)",
        };
    }
}
