using Slipway.Cluster;
using Slipway.GitOps;
using Slipway.GitOps.Git;
using Slipway.Releases;
using Slipway.Rollback;

namespace Slipway.Delivery;

/// <summary>Rollback and Resume: set app tags back in one new commit, hold them, and release the hold.</summary>
public sealed partial class EnvironmentDelivery
{
    /// <summary>What the rollback would write; reads only (unknown tag, app or release is bad input naming the choices).</summary>
    public async Task<RollbackPlan> PlanRollbackAsync(RollbackRequest request, CancellationToken cancellationToken)
    {
        (ReleaseHistory releases, EnvironmentVersions current, AppHistoryReader history) = await ReadReleaseStateAsync(cancellationToken).ConfigureAwait(false);
        string? infra = await InfraFingerprintAsync(cancellationToken).ConfigureAwait(false);
        return await new RollbackPlanner(current, releases, history).PlanAsync(request, infra, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Under the deploy lease: writes the plan and its holds in one commit, pushes, and has the cluster apply it. Verify
    /// and <see cref="RecordReleaseAsync"/> then record it as a rollback.
    /// </summary>
    public Task<PushResult> RollbackAsync(RollbackPlan plan, CancellationToken cancellationToken)
        => RollbackAsync(plan, duringStop: false, cancellationToken);

    /// <summary>
    /// <see cref="RollbackAsync(RollbackPlan, CancellationToken)"/>; a standing emergency stop refuses (exit 3) unless
    /// <paramref name="duringStop"/>, which writes the rollback and its holds to Git but leaves the stopped cluster alone: it
    /// applies the commit when the stop is lifted (<see cref="IsStopped"/> tells the caller not to Verify now).
    /// </summary>
    public async Task<PushResult> RollbackAsync(RollbackPlan plan, bool duringStop, CancellationToken cancellationToken)
    {
        (IGitOpsRepository repository, GitOpsEnvironment environment) = await GitOpsAsync(cancellationToken).ConfigureAwait(false);
        EnvironmentGuards guards = await ReadGuardsAsync(repository, cancellationToken).ConfigureAwait(false);
        if (!duringStop)
        {
            guards.RefuseWhileStopped("Rollback", DuringStopHint);
        }

        await CheckRollbackImagesAsync(plan, cancellationToken).ConfigureAwait(false);
        await EnsureLeaseAsync(cancellationToken).ConfigureAwait(false);
        PushResult push = await new RollbackWriter(repository, environment, _context.Time).WriteAsync(plan, _context.CommitInfoFor(Name), cancellationToken).ConfigureAwait(false);
        _lastPushedCommit = push.CommitSha;
        _lastRollback = plan;
        if (!push.Changed)
        {
            _context.Log.Info($"{Name} already holds these versions at {push.ShortSha}.");
        }

        await SuspendImageAutomationAsync(cancellationToken).ConfigureAwait(false);
        if (_stopped)
        {
            await RememberArgoSyncDuringStopAsync(guards, cancellationToken).ConfigureAwait(false);
            _context.Log.Warning($"{Name} is under an emergency stop (--during-stop): the rollback is in Git at {push.ShortSha}, held, but the stopped cluster applies it only after Resume; run Verify then.");
            return push;
        }

        await ApplyCommitAsync(environment, push.CommitSha, $"{Name}-apps", cancellationToken).ConfigureAwait(false);
        if (plan.Charts.Count > 0 && environment.Engine == GitOpsEngine.ArgoCd)
        {
            await ApplyCommitAsync(environment, push.CommitSha, $"{Name}-platform", cancellationToken).ConfigureAwait(false);
        }

        await HoldArgoSyncAsync(onlyWhenHeld: false, cancellationToken).ConfigureAwait(false); // after the apply, which re-applies the root Application
        return push;
    }

    /// <summary>
    /// Verify after <see cref="RollbackAsync(RollbackPlan, bool, CancellationToken)"/>, recording the rollback; when Verify
    /// fails (exit 1) the report says so and that the rollback and its hold stay, with the ways forward.
    /// </summary>
    public async Task<Verification.VerificationReport> VerifyRollbackAsync(Verification.IVerificationProgress progress, HttpClient http, CancellationToken cancellationToken)
    {
        RollbackPlan? rollback = _lastRollback; // recording the release may clear it
        try
        {
            return await VerifyAndRecordAsync(progress, http, cancellationToken).ConfigureAwait(false);
        }
        catch (SlipwayException e) when (e.Kind == FailureKind.Failed && rollback is { } plan)
        {
            string held = string.Join(", ", plan.Apps.Select(static a => $"{a.App} at {a.ToTag}"));
            throw SlipwayException.Failed(
                $"{e.Message}\nThe rollback ({plan.Subject}) is in Git and recorded as failed; the hold stays ({held} in {Releases.GuardPaths.Holds(Name)}), so nothing moves these apps meanwhile. "
                + $"Fix forward and deploy with --release-hold, or roll back further: ./build.sh History --env {Name}, then ./build.sh Rollback --env {Name} --release ID.",
                e);
        }
    }

    /// <summary>On the local cluster: the images the plan sets back must be in its registry (exit 2 naming them, before anything is written).</summary>
    private async Task CheckRollbackImagesAsync(RollbackPlan plan, CancellationToken cancellationToken)
    {
        if (!_settings.Cluster.Local || plan.Apps.Count == 0)
        {
            return; // another cluster's registry needs its own credentials: Verify finds out whether the image runs
        }

        KubernetesCluster cluster = await ClusterAsync(cancellationToken).ConfigureAwait(false);
        if (cluster.Target.Url is { } registry)
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            await RollbackImageCheck.EnsurePublishedAsync(registry, plan, http, _context.Log, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The holds of the environment, as the head of the GitOps branch has them.</summary>
    public async Task<IReadOnlyList<Hold>> ReadHoldsAsync(CancellationToken cancellationToken)
    {
        (IGitOpsRepository repository, _) = await GitOpsAsync(cancellationToken).ConfigureAwait(false);
        return (await ReadGuardsAsync(repository, cancellationToken).ConfigureAwait(false)).Holds;
    }

    /// <summary>Removes the hold of <paramref name="app"/> (every hold when null) in one commit; none held: nothing is written.</summary>
    public async Task<IReadOnlyList<Hold>> ResumeAsync(string? app, string reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw SlipwayException.Input($"--reason is required: say why {Name} may move again, e.g. --reason \"fix deployed in production-40674\".");
        }

        (IGitOpsRepository repository, _) = await GitOpsAsync(cancellationToken).ConfigureAwait(false);
        EnvironmentGuards guards = await ReadGuardsAsync(repository, cancellationToken).ConfigureAwait(false);
        if (guards.Holds.All(h => app is not null && h.App != app))
        {
            return [];
        }

        await EnsureLeaseAsync(cancellationToken).ConfigureAwait(false);
        (IReadOnlyList<Hold> removed, PushResult push) = await new HoldRelease(repository)
            .ReleaseAsync(Name, app is null ? null : [app], reason, _context.CommitInfoFor(Name), cancellationToken).ConfigureAwait(false);
        if (removed.Count > 0)
        {
            await ResumeImageAutomationAsync(cancellationToken).ConfigureAwait(false);
            if (removed.Count == guards.Holds.Count)
            {
                await ReleaseArgoSyncAsync(stopped: guards.Stops.Count > 0, cancellationToken).ConfigureAwait(false); // another app still held keeps it off
            }
        }

        return removed;
    }
}
