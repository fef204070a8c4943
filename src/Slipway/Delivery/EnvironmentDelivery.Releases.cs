using Slipway.GitOps;
using Slipway.GitOps.Git;
using Slipway.Releases;

namespace Slipway.Delivery;

/// <summary>Recording the release in <c>releases/&lt;env&gt;.yaml</c> of the GitOps repository.</summary>
public sealed partial class EnvironmentDelivery
{
    /// <summary>
    /// Appends the verified release to <c>releases/&lt;env&gt;.yaml</c> in one commit — unless the latest verified release
    /// already has exactly these app and chart versions (a re-run that changed nothing records nothing).
    /// </summary>
    public async Task<ReleaseRecord> RecordReleaseAsync(bool verified, CancellationToken cancellationToken)
    {
        await EnsureLeaseAsync(cancellationToken).ConfigureAwait(false);
        (IGitOpsRepository repository, _) = await GitOpsAsync(cancellationToken).ConfigureAwait(false);
        CommitInfo info = _context.CommitInfoFor(Name);
        string path = GitOpsPaths.ReleaseLog(Name);
        GitOpsSnapshot snapshot = await repository.ReadSnapshotAsync([path], cancellationToken).ConfigureAwait(false);
        ReleaseHistory history = ReleaseLog.Parse(Name, snapshot.Read(path));
        var apps = Apps.ToDictionary(static a => a.Name, static a => a.ImageReference, StringComparer.Ordinal);
        var charts = PlatformReleases.ToDictionary(static p => p.Name, static p => p.Version, StringComparer.Ordinal);
        if (verified && history.Latest is { Verified: true } latest && SameVersions(latest.Apps, apps) && SameVersions(latest.Charts, charts))
        {
            _context.Log.Info($"{Name} already runs release {latest.Id} (verified); nothing new to record.");
            return latest;
        }

        var input = new ReleaseInput
        {
            Who = info.AuthorName,
            SourceCommit = info.SourceCommit,
            GitOpsCommit = _lastPushedCommit ?? snapshot.CommitSha,
            RunId = info.RunId,
            Verified = verified,
            Apps = apps,
            Charts = charts,
        };
        ReleaseRecord record = await new ReleaseRecorder(repository, _context.Time).RecordAsync(Name, input, info, cancellationToken).ConfigureAwait(false);
        _context.Log.Info($"Recorded release {record.Id} of {Name} in {path} ({(verified ? "verified" : "not verified")}).");
        return record;
    }

    /// <summary>
    /// Reads <c>releases/&lt;env&gt;.yaml</c> once, before the run's first write (lease, push): a release log that cannot be
    /// read is bad input found while nothing has changed, not after the cluster runs the new version and the release cannot be recorded.
    /// </summary>
    private async Task CheckReleaseLogAsync(IGitOpsRepository repository, CancellationToken cancellationToken)
    {
        if (_releaseLogChecked)
        {
            return;
        }

        string path = GitOpsPaths.ReleaseLog(Name);
        GitOpsSnapshot snapshot = await repository.ReadSnapshotAsync([path], cancellationToken).ConfigureAwait(false);
        try
        {
            ReleaseLog.Parse(Name, snapshot.Read(path));
        }
        catch (SlipwayException e) when (e.Kind == FailureKind.Input)
        {
            throw SlipwayException.Input(
                $"{e.Message} Nothing was deployed. Fix the file in the GitOps repository ({repository.RemoteDisplay}, branch {repository.Branch}); "
                + $"its history: git -C {Path.GetFullPath(_context.Paths.GitOpsWorkDirectory)} log -p origin/{repository.Branch} -- {path}");
        }

        _releaseLogChecked = true;
    }

    private static bool SameVersions(IReadOnlyDictionary<string, string> left, IReadOnlyDictionary<string, string> right)
        => left.Count == right.Count && left.All(pair => right.TryGetValue(pair.Key, out string? value) && value == pair.Value);
}
