using Slipway.Cluster;
using Slipway.GitOps;
using Slipway.Releases;
using Slipway.Verification;

namespace Slipway.Delivery;

/// <summary>
/// The steps of a deploy, each what a target does: DeployPlatform, SyncApps, Verify, and recording the release.
/// Every write to the GitOps repository happens under the environment's deploy lease.
/// </summary>
public static class DeliverySteps
{
    /// <summary>The environment variable that shortens (or lengthens) how long Verify waits on a failure before giving up.</summary>
    public const string FailFastVariable = "SLIPWAY_VERIFY_FAIL_FAST_AFTER";

    /// <summary>Renders <c>platform.releases</c> into HelmReleases, commits, pushes, and has the cluster apply the commit.</summary>
    public static async Task<GitOpsDeployResult> DeployPlatformAsync(DeliverySession session, CancellationToken cancellationToken)
    {
        await session.EnsureLeaseAsync(cancellationToken).ConfigureAwait(false);
        GitOpsConnection gitops = await session.GitOpsAsync(cancellationToken).ConfigureAwait(false);
        GitOpsDeployResult result = await gitops.Deployer.DeployPlatformAsync(ReleaseMapping.Platform(session.Settings), session.Context.CommitInfoFor(session.Name), cancellationToken).ConfigureAwait(false);
        session.LastPushedCommit = result.CommitSha;
        await ApplyCommitAsync(session, gitops, result.CommitSha, $"{session.Name}-platform", cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Writes each app's image tag (all apps, or <paramref name="app"/> at <paramref name="tag"/>), pushes, reconciles, waits.</summary>
    public static async Task<GitOpsDeployResult> SyncAppsAsync(DeliverySession session, string? app, string? tag, CancellationToken cancellationToken)
    {
        IReadOnlyList<AppRelease> apps = AppSelection.Select(session.Name, ReleaseMapping.Apps(session.Settings), app, tag);
        await session.EnsureLeaseAsync(cancellationToken).ConfigureAwait(false);
        GitOpsConnection gitops = await session.GitOpsAsync(cancellationToken).ConfigureAwait(false);
        GitOpsDeployResult result = await gitops.Deployer.SyncAppsAsync(apps, session.Context.CommitInfoFor(session.Name), cancellationToken).ConfigureAwait(false);
        session.LastPushedCommit = result.CommitSha;
        await ApplyCommitAsync(session, gitops, result.CommitSha, $"{session.Name}-apps", cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Waits until the environment really runs what was pushed (rollout rules, pod problems, endpoints).</summary>
    public static async Task<VerificationReport> VerifyAsync(DeliverySession session, IVerificationProgress progress, HttpClient http, CancellationToken cancellationToken)
    {
        KubernetesCluster cluster = await session.ClusterAsync(cancellationToken).ConfigureAwait(false);
        var options = new VerifyOptions
        {
            Namespaces = ReleaseMapping.Namespaces(session.Settings),
            Endpoints = session.Settings.Verify.Endpoints.Concat(session.Settings.Apps.Values.SelectMany(static a => a.Endpoints))
                .Distinct(StringComparer.Ordinal).Select(static e => new Uri(e)).ToList(),
            Timeout = session.Settings.Verify.Timeout,
            Interval = session.Settings.Verify.Interval < TimeSpan.FromSeconds(1) ? session.Settings.Verify.Interval : TimeSpan.FromSeconds(1),
            IncludeApplications = session.Settings.GitOps.Engine == Environments.Settings.GitOpsEngine.ArgoCd,
            FailFastAfter = FailFastAfter(session.Context),
        };
        var verifier = new RolloutVerifier(cluster, new EndpointProber(http), session.Context.Time);
        return await verifier.VerifyAsync(options, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Appends the verified release to <c>releases/&lt;env&gt;.yaml</c> in one commit — unless the latest verified release
    /// already has exactly these app and chart versions (a re-run that changed nothing records nothing).
    /// </summary>
    public static async Task<ReleaseRecord> RecordReleaseAsync(DeliverySession session, bool verified, CancellationToken cancellationToken)
    {
        await session.EnsureLeaseAsync(cancellationToken).ConfigureAwait(false);
        GitOpsConnection gitops = await session.GitOpsAsync(cancellationToken).ConfigureAwait(false);
        CommitInfo info = session.Context.CommitInfoFor(session.Name);
        EnvironmentVersions running = await gitops.ReadVersionsAsync(cancellationToken).ConfigureAwait(false);
        var apps = ReleaseMapping.Apps(session.Settings).ToDictionary(static a => a.Name, static a => a.ImageReference, StringComparer.Ordinal);
        var charts = ReleaseMapping.Platform(session.Settings).ToDictionary(static p => p.Name, static p => p.Version, StringComparer.Ordinal);
        if (verified && running.Releases.Latest is { Verified: true } latest && SameVersions(latest.Apps, apps) && SameVersions(latest.Charts, charts))
        {
            session.Context.Log.Info($"{session.Name} already runs release {latest.Id} (verified); nothing new to record.");
            return latest;
        }

        var input = new ReleaseInput(info.AuthorName, info.SourceCommit, session.LastPushedCommit ?? running.CommitSha, info.RunId, verified, apps, charts);
        ReleaseRecord record = await gitops.Releases.RecordAsync(session.Name, input, info, cancellationToken).ConfigureAwait(false);
        session.Context.Log.Info($"Recorded release {record.Id} of {session.Name} in {GitOpsPaths.ReleaseLog(session.Name)} ({(verified ? "verified" : "not verified")}).");
        return record;
    }

    /// <summary>
    /// How long Verify lets a failure that may clear by itself (ImagePullBackOff) last: <see cref="VerifyOptions.FailFastAfter"/>,
    /// or the duration in <see cref="FailFastVariable"/> (<c>5s</c>, <c>1m</c>) for runs that must fail quickly (tests, CI smoke runs).
    /// </summary>
    private static TimeSpan FailFastAfter(DeliveryContext context)
    {
        string? text = context.Variables.Get(FailFastVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new VerifyOptions { Namespaces = [] }.FailFastAfter;
        }

        return Environments.Duration.TryParse(text, out TimeSpan value) && value >= TimeSpan.Zero
            ? value
            : throw SlipwayException.Input($"{FailFastVariable}='{text}' is not a duration: use a value like 5s or 1m, or unset it (default 20s).");
    }

    private static bool SameVersions(IReadOnlyDictionary<string, string> left, IReadOnlyDictionary<string, string> right)
        => left.Count == right.Count && left.All(pair => right.TryGetValue(pair.Key, out string? value) && value == pair.Value);

    /// <summary>
    /// Applies the bootstrap objects (Flux source + Kustomization, or Argo CD root apps) and waits for the commit. With Argo CD
    /// only the root application of what the step wrote (<paramref name="argoRoot"/>) is synced: the other root's path may not
    /// exist yet (DeployPlatform runs before the first SyncApps writes <c>clusters/&lt;env&gt;/apps</c>).
    /// </summary>
    private static async Task ApplyCommitAsync(DeliverySession session, GitOpsConnection gitops, string commit, string argoRoot, CancellationToken cancellationToken)
    {
        KubernetesCluster cluster = await session.ClusterAsync(cancellationToken).ConfigureAwait(false);
        var flux = new FluxSync(cluster, cluster, session.Context.Time);
        await flux.ApplyAsync(ManifestDocuments.Bootstrap(gitops.Environment), cancellationToken).ConfigureAwait(false);
        if (gitops.Environment.Engine == GitOpsEngine.ArgoCd)
        {
            var argo = new ArgoSync(cluster, cluster, session.Context.Time);
            await argo.SyncAndWaitAsync(argoRoot, commit, session.Context.SyncTimeout, session.Context.Log, cancellationToken).ConfigureAwait(false);
            return;
        }

        string applied = await flux.ReconcileAndWaitAsync(session.Name, GitOpsPaths.SourceName, gitops.Environment.Branch, commit, session.Context.SyncTimeout, session.Context.Log, cancellationToken).ConfigureAwait(false);
        session.Context.Log.Info($"The cluster applied {applied}.");
    }
}
