using Slipway.Environments;
using Slipway.Environments.Yaml;

namespace Slipway.Freezing.Lock;

/// <summary>
/// Puts an environment's lock over its merged configuration, as the last layer: each chart version whose configured
/// range is still the one the lock pinned becomes the pin (an exact version, or Helm's <c>~X.Y.Z</c> for compatible
/// pins), its location the lock's line, so every target reads the locked value and ShowConfig shows where it came from
/// (the override chain keeps the configured range). With <c>freeze.pinDigests: true</c> and exact pins, each app whose
/// tag the lock pinned gets <c>apps.&lt;name&gt;.digest</c> too, and deploys run <c>image:tag@sha256:…</c>. Entries that no longer match the configuration are left out: the
/// configured value stands, and Freeze --check (Validate, for a protected environment) reports it.
/// </summary>
public static class LockOverlay
{
    /// <summary><c>apps.&lt;name&gt;.digest</c>: the digest an image runs by, set from the lock with <c>freeze.pinDigests</c>.</summary>
    public const string DigestKey = "digest";

    /// <summary>Applies the lock of <paramref name="environment"/> under <paramref name="repositoryRoot"/>, if any; a corrupt lock is an error diagnostic.</summary>
    public static void Apply(string repositoryRoot, string environment, ConfigMapping root, ICollection<Diagnostic> diagnostics)
    {
        VersionLock? versionLock;
        try
        {
            versionLock = VersionLockReader.ReadIfExists(repositoryRoot, environment);
        }
        catch (SlipwayException corrupt)
        {
            diagnostics.Add(new Diagnostic(VersionLock.RelativePath(environment), LineOf(corrupt.Message), 1, DiagnosticSeverity.Error,
                EnvironmentDiagnosticCodes.UnreadableLock, corrupt.Message));
            return;
        }

        if (versionLock is not null)
        {
            Apply(versionLock, root);
        }
    }

    public static void Apply(VersionLock versionLock, ConfigMapping root)
    {
        bool pinDigests = root.Find("freeze.pinDigests")?.Value is ConfigScalar { Value: "true" } && versionLock.Operator == PinOperator.Exact;
        foreach (LockEntry entry in versionLock.Entries.Where(e => e.Kind == LockEntryKind.Chart || (pinDigests && e.Kind == LockEntryKind.Image)))
        {
            if (ConfigPath.Parse(entry.Key) is not { Count: > 1 } path
                || root.Find(ConfigPath.Format(path.Take(path.Count - 1))) is not { Value: ConfigMapping parent }
                || parent.GetEntry(path[^1]) is not { Value: ConfigScalar { IsNull: false } configured } current
                || configured.Value != entry.Requested)
            {
                continue;
            }

            var at = new SourceLocation(VersionLock.RelativePath(versionLock.Environment), Math.Max(1, entry.Line), 1);
            if (entry.Kind == LockEntryKind.Chart)
            {
                parent.Set(new ConfigEntry(path[^1], at, new ConfigScalar(entry.Pin, quoted: true, at), current));
            }
            else if (parent.GetEntry(DigestKey) is not { Value: ConfigScalar { IsNull: false } })
            {
                // The tag stays as configured; the digest it resolved to is what deploys run (image:tag@digest).
                parent.Set(new ConfigEntry(DigestKey, at, new ConfigScalar(entry.Resolved, quoted: true, at)));
            }
        }
    }

    private static int LineOf(string message)
    {
        int colon = message.IndexOf(':', StringComparison.Ordinal);
        int next = colon < 0 ? -1 : message.IndexOf(':', colon + 1);
        return next > colon && int.TryParse(message.AsSpan(colon + 1, next - colon - 1), out int line) ? line : 1;
    }
}
