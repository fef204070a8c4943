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
    public async Task<PushResult> RollbackAsync(RollbackPlan plan, CancellationToken cancellationToken)
    {
        (IGitOpsRepository repository, GitOpsEnvironment environment) = await GitOpsAsync(cancellationToken).ConfigureAwait(false);
        await EnsureLeaseAsync(cancellationToken).ConfigureAwait(false);
        PushResult push = await new RollbackWriter(repository, environment, _context.Time).WriteAsync(plan, _context.CommitInfoFor(Name), cancellationToken).ConfigureAwait(false);
        _lastPushedCommit = push.CommitSha;
        _lastRollback = plan;
        if (!push.Changed)
        {
            _context.Log.Info($"{Name} already holds these versions at {push.ShortSha}.");
        }

        await SuspendImageAutomationAsync(cancellationToken).ConfigureAwait(false);
        await ApplyCommitAsync(environment, push.CommitSha, $"{Name}-apps", cancellationToken).ConfigureAwait(false);
        if (plan.Charts.Count > 0 && environment.Engine == GitOpsEngine.ArgoCd)
        {
            await ApplyCommitAsync(environment, push.CommitSha, $"{Name}-platform", cancellationToken).ConfigureAwait(false);
        }

        return push;
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
        }

        return removed;
    }
}
