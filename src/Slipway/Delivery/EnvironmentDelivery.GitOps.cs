using Slipway.Cluster;
using Slipway.GitOps;
using Slipway.GitOps.Git;
using Slipway.GitOps.Manifests;
using Slipway.Releases;

namespace Slipway.Delivery;

/// <summary>DeployPlatform and SyncApps: write the GitOps repository under the deploy lease, push, and have the cluster apply the commit.</summary>
public sealed partial class EnvironmentDelivery
{
    /// <summary>
    /// Renders <c>platform.releases</c> into HelmReleases, commits, pushes, and has the cluster apply the commit. Values that
    /// hold secret references are resolved first (a missing one fails before anything is written) and applied as Secrets.
    /// </summary>
    public async Task<GitOpsDeployResult> DeployPlatformAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<(PlatformRelease Release, string Values)> secrets = ResolveValueSecrets();
        (IGitOpsRepository repository, GitOpsEnvironment environment) = await GitOpsAsync(cancellationToken).ConfigureAwait(false);
        await ReadGuardsAsync(repository, "DeployPlatform", cancellationToken).ConfigureAwait(false);
        await EnsureLeaseAsync(cancellationToken).ConfigureAwait(false);
        await ApplyValueSecretsAsync(secrets, cancellationToken).ConfigureAwait(false);
        GitOpsDeployResult result = await new GitOpsDeployer(repository, environment)
            .DeployPlatformAsync(PlatformReleases, _context.CommitInfoFor(Name), cancellationToken).ConfigureAwait(false);
        _lastPushedCommit = result.CommitSha;
        await ApplyCommitAsync(environment, result.CommitSha, $"{Name}-platform", cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Writes each app's image tag (all apps, or <paramref name="app"/> at <paramref name="tag"/>), pushes, reconciles, waits.</summary>
    public Task<GitOpsDeployResult> SyncAppsAsync(string? app, string? tag, CancellationToken cancellationToken)
        => SyncAppsAsync(app, tag, releaseHold: false, cancellationToken);

    /// <summary>
    /// Writes each app's image tag (all apps, or <paramref name="app"/> at <paramref name="tag"/>), pushes, reconciles, waits.
    /// A held app (<c>holds/&lt;env&gt;.yaml</c>) is not moved (exit 3) unless <paramref name="releaseHold"/>, which then
    /// removes its hold in a commit of its own.
    /// </summary>
    public async Task<GitOpsDeployResult> SyncAppsAsync(string? app, string? tag, bool releaseHold, CancellationToken cancellationToken)
    {
        IReadOnlyList<AppRelease> apps = AppSelection.Select(Name, Apps, app, tag);
        if (AppSelection.Notice(Name, apps, app, tag) is { } notice)
        {
            _context.Log.Info(notice);
        }

        (IGitOpsRepository repository, GitOpsEnvironment environment) = await GitOpsAsync(cancellationToken).ConfigureAwait(false);
        EnvironmentGuards guards = await ReadGuardsAsync(repository, "SyncApps", cancellationToken).ConfigureAwait(false);
        IReadOnlyList<Hold> released = guards.RefuseMoves(apps.ToDictionary(static a => a.Name, static a => a.Tag, StringComparer.Ordinal), releaseHold, "SyncApps");
        await EnsureLeaseAsync(cancellationToken).ConfigureAwait(false);
        GitOpsDeployResult result = await new GitOpsDeployer(repository, environment)
            .SyncAppsAsync(apps, _context.CommitInfoFor(Name), cancellationToken).ConfigureAwait(false);
        _lastPushedCommit = result.CommitSha;
        _appsPushed |= result.Push.Changed;
        _syncedApps = apps;
        if (released.Count > 0)
        {
            string deployed = string.Join(", ", released.Select(h => $"{h.App} {apps.First(a => a.Name == h.App).Tag}"));
            (_, PushResult push) = await new Rollback.HoldRelease(repository)
                .ReleaseAsync(Name, released.Select(static h => h.App).ToArray(), $"Released by SyncApps --release-hold, which deployed {deployed}.", _context.CommitInfoFor(Name), cancellationToken)
                .ConfigureAwait(false);
            _lastPushedCommit = push.CommitSha;
            _context.Log.Warning($"--release-hold: released {string.Join("; ", released)}.");
            await ResumeImageAutomationAsync(cancellationToken).ConfigureAwait(false); // as Resume does: the rollback's suspension ends with its hold
            if (released.Count == guards.Holds.Count)
            {
                await ReleaseArgoSyncAsync(stopped: guards.Stops.Count > 0, cancellationToken).ConfigureAwait(false);
            }
        }

        await ApplyCommitAsync(environment, _lastPushedCommit, $"{Name}-apps", cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Applies the bootstrap objects (Flux source + Kustomization, or Argo CD root apps) and waits for the commit; with Flux, the
    /// step's HelmReleases whose last Helm action failed are then forced (<see cref="FluxReleaseRetry"/>). With Argo CD
    /// only the root application of what the step wrote (<paramref name="argoRoot"/>) is synced: the other root's path may not
    /// exist yet (DeployPlatform runs before the first SyncApps writes the environment's <c>apps</c> folder).
    /// </summary>
    private async Task ApplyCommitAsync(GitOpsEnvironment environment, string commit, string argoRoot, CancellationToken cancellationToken)
    {
        KubernetesCluster cluster = await ClusterAsync(cancellationToken).ConfigureAwait(false);
        var flux = new FluxSync(cluster, _context.Time);
        await flux.ApplyAsync(ManifestDocuments.Bootstrap(environment), cancellationToken).ConfigureAwait(false);
        if (environment.Engine == GitOpsEngine.ArgoCd)
        {
            var argo = new ArgoSync(cluster, _context.Time);
            await argo.SyncAndWaitAsync(argoRoot, commit, _context.SyncTimeout, _context.Log, cancellationToken).ConfigureAwait(false);
            await HoldArgoSyncAsync(onlyWhenHeld: true, cancellationToken).ConfigureAwait(false); // the bootstrap above turned a held root's automated sync back on
            return;
        }

        IGitOpsRepository repository = (await GitOpsAsync(cancellationToken).ConfigureAwait(false)).Repository;
        var reconcile = new FluxReconcileRequest(Name, GitOpsPaths.SourceName, environment.Branch, commit)
        {
            Timeout = _context.SyncTimeout,
            Log = _context.Log,
            Includes = (revision, ct) => repository.ContainsAsync(revision, commit, ct),
        };
        string applied = await flux.ReconcileAndWaitAsync(reconcile, cancellationToken).ConfigureAwait(false);
        _context.Log.Info($"The cluster applied {applied}.");

        // A release whose last Helm action failed would wait for its timeout or next interval: force it now (flux reconcile hr --force).
        IEnumerable<(string, string)> releases = argoRoot.EndsWith("-platform", StringComparison.Ordinal)
            ? PlatformReleases.Select(static r => (r.Namespace, r.Name))
            : Apps.Select(static a => (a.Namespace, a.Name));
        await new FluxReleaseRetry(cluster, _context.Time).RetryFailedAsync(releases, _context.Log, cancellationToken).ConfigureAwait(false);
    }
}
