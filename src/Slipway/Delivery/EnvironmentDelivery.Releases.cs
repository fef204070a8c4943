using Slipway.GitOps;
using Slipway.GitOps.Git;
using Slipway.Infrastructure;
using Slipway.Releases;
using Slipway.Verification;

namespace Slipway.Delivery;

/// <summary>Recording what really runs in <c>releases/&lt;env&gt;.yaml</c> of the GitOps repository.</summary>
public sealed partial class EnvironmentDelivery
{
    /// <summary>
    /// Verify, then record the release: verified when it passed; when it failed after this run changed the environment, a
    /// failed release (so History and Rollback know it) before the failure is reported.
    /// </summary>
    public async Task<VerificationReport> VerifyAndRecordAsync(IVerificationProgress progress, HttpClient http, CancellationToken cancellationToken)
    {
        VerificationReport report;
        try
        {
            report = await VerifyAsync(progress, http, cancellationToken).ConfigureAwait(false);
        }
        catch (SlipwayException e) when (e.Kind == FailureKind.Failed && _lastPushedCommit is not null)
        {
            await RecordReleaseAsync(verified: false, cancellationToken).ConfigureAwait(false);
            throw;
        }

        try
        {
            await RecordReleaseAsync(verified: true, cancellationToken).ConfigureAwait(false);
        }
        catch (SlipwayException e) when (e.Kind == FailureKind.Refused && _lastPushedCommit is null)
        {
            _context.Log.Warning($"{Name} is live, but its release was not recorded: {e.Message}");
        }

        return report;
    }

    /// <summary>
    /// Appends the release to <c>releases/&lt;env&gt;.yaml</c> in one commit, with the app images and chart versions the GitOps
    /// branch really holds (a <c>--tag</c> override, a rollback, a resume) — unless the latest release already has exactly
    /// these versions and outcome (a re-run that changed nothing records nothing). The lease is taken only to record.
    /// </summary>
    public async Task<ReleaseRecord> RecordReleaseAsync(bool verified, CancellationToken cancellationToken)
    {
        (IGitOpsRepository repository, GitOpsEnvironment environment) = await GitOpsAsync(cancellationToken).ConfigureAwait(false);
        CommitInfo info = _context.CommitInfoFor(Name);
        string path = GitOpsPaths.ReleaseLog(Name);
        (GitOpsSnapshot snapshot, ReleaseHistory history, EnvironmentVersions running) = await ReadReleaseLogAndVersionsAsync(repository, environment, cancellationToken).ConfigureAwait(false);
        var apps = running.Apps.ToDictionary(static a => a.Name, static a => a.ImageReference, StringComparer.Ordinal);
        var charts = running.Charts.Where(static c => c.Version is not null).ToDictionary(static c => c.Name, static c => c.Version!, StringComparer.Ordinal);
        ReleaseRecord? same = verified ? history.LatestVerified : history.Latest;
        if (_lastRollback is null && same is not null && same.Verified == verified && SameVersions(same.Apps, apps) && SameVersions(same.Charts, charts))
        {
            _context.Log.Info($"{Name} already runs release {same.Id} ({(verified ? "verified" : "not verified")}); nothing new to record.");
            return _lastRecorded = same;
        }

        await EnsureLeaseAsync(cancellationToken).ConfigureAwait(false);
        var input = new ReleaseInput
        {
            Who = info.AuthorName,
            SourceCommit = info.SourceCommit,
            GitOpsCommit = _lastPushedCommit ?? snapshot.CommitSha,
            RunId = info.RunId,
            Verified = verified,
            Apps = apps,
            Charts = charts,
            Kind = _lastRollback is null ? ReleaseKind.Deploy : ReleaseKind.Rollback,
            Reason = _lastRollback?.Reason,
            Restores = _lastRollback?.Restores,
            Override = _gateOverride,
            Infra = await InfraFingerprintAsync(cancellationToken).ConfigureAwait(false),
        };
        ReleaseRecord record = await new ReleaseRecorder(repository, _context.Time).RecordAsync(Name, input, info, cancellationToken).ConfigureAwait(false);
        _context.Log.Info($"Recorded {(_lastRollback is null ? "release" : "rollback")} {record.Id} of {Name} in {path} ({(verified ? "verified" : "not verified")}).");
        _lastRollback = null;
        return _lastRecorded = record;
    }

    /// <summary>
    /// Reads <c>releases/&lt;env&gt;.yaml</c> and the guards (<c>holds/&lt;env&gt;.yaml</c>, <c>stops/&lt;env&gt;.yaml</c>,
    /// <c>stops/_all.yaml</c>) before the run's first write: a release log that cannot be read is bad input found while nothing
    /// has changed, not after the cluster runs the new version. With <paramref name="writer"/> (the target about to write) a
    /// standing emergency stop refuses (exit 3) here, before anything is written.
    /// </summary>
    private async Task<EnvironmentGuards> ReadGuardsAsync(IGitOpsRepository repository, string? writer, CancellationToken cancellationToken)
    {
        EnvironmentGuards guards = await ReadGuardFilesAsync(repository, cancellationToken).ConfigureAwait(false);
        _stopped = guards.Stops.Count > 0;
        if (writer is not null)
        {
            guards.RefuseWhileStopped(writer);
        }

        return guards;
    }

    private Task<EnvironmentGuards> ReadGuardsAsync(IGitOpsRepository repository, CancellationToken cancellationToken)
        => ReadGuardsAsync(repository, writer: null, cancellationToken);

    private async Task<EnvironmentGuards> ReadGuardFilesAsync(IGitOpsRepository repository, CancellationToken cancellationToken)
    {
        string path = GitOpsPaths.ReleaseLog(Name);
        GitOpsSnapshot snapshot = await repository.ReadSnapshotAsync([path, .. EnvironmentGuards.Paths(Name)], cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_releaseLogChecked)
            {
                ReleaseLog.Parse(Name, snapshot.Read(path));
                _releaseLogChecked = true;
            }

            return EnvironmentGuards.Read(snapshot, Name);
        }
        catch (SlipwayException e) when (e.Kind == FailureKind.Input)
        {
            string[] files = [path, .. EnvironmentGuards.Paths(Name)];
            string file = files.FirstOrDefault(f => e.Message.StartsWith(f, StringComparison.Ordinal)) ?? GuardPaths.Holds(Name);
            throw SlipwayException.Input(
                $"{e.Message} Nothing was deployed. Fix the file in the GitOps repository ({repository.RemoteDisplay}, branch {repository.Branch}); "
                + $"its history: git -C {Path.GetFullPath(_context.Paths.GitOpsWorkDirectory)} log -p origin/{repository.Branch} -- {file}");
        }
    }

    /// <summary>A short fingerprint of the outputs the last ApplyInfra wrote (<c>infra-outputs.json</c>); null when there are none.</summary>
    private async Task<string?> InfraFingerprintAsync(CancellationToken cancellationToken)
    {
        string file = Path.Combine(_context.Paths.Environment(Name), StackOutputs.FileName);
        return File.Exists(file) ? (await FileHash.Sha256Async(file, cancellationToken).ConfigureAwait(false))[..12] : null;
    }

    private static bool SameVersions(IReadOnlyDictionary<string, string> left, IReadOnlyDictionary<string, string> right)
        => left.Count == right.Count && left.All(pair => right.TryGetValue(pair.Key, out string? value) && value == pair.Value);
}
