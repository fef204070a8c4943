using Slipway.GitOps;
using Slipway.GitOps.Git;
using Slipway.Releases;

namespace Slipway.Delivery;

/// <summary>
/// EmergencyStop and Resume of a stop: the circuit breaker. The stop is read from the cluster, recorded in Git
/// (<c>stops/&lt;env&gt;.yaml</c>, one commit) and then applied, so Resume always knows what to undo. It takes no deploy
/// lease: a stop must work while a deploy runs (that deploy's next write refuses, and its wait for a suspended reconciler fails).
/// </summary>
public sealed partial class EnvironmentDelivery
{
    /// <summary>How a rollback gets through a stop (Rollback's refusal says it).</summary>
    public const string DuringStopHint = "or write the rollback to Git now, to be applied when the stop is lifted: add --during-stop";

    /// <summary>Whether the last read of the guards found a stop standing for the environment.</summary>
    private bool _stopped;

    /// <summary>
    /// Suspends the environment's reconcilers, scales <paramref name="scaleDown"/> to zero and records the stop; when a stop
    /// of the environment already stands, changes nothing and returns it.
    /// </summary>
    public async Task<StopOutcome> EmergencyStopAsync(IReadOnlyList<string> scaleDown, string reason, CancellationToken cancellationToken)
    {
        RequireReason(reason, "EmergencyStop", "why the environment must stop, e.g. --reason \"checkout errors since production-40673\"");
        string[] unknown = scaleDown.Where(a => !_settings.Apps.ContainsKey(a)).ToArray();
        if (unknown.Length > 0)
        {
            throw SlipwayException.Input($"--scale-down {string.Join(",", unknown)}: not an app of environment {Name}; its apps are: {string.Join(", ", _settings.Apps.Keys.Order(StringComparer.Ordinal))}.");
        }

        (IGitOpsRepository repository, _) = await GitOpsAsync(cancellationToken).ConfigureAwait(false);
        if ((await ReadGuardsAsync(repository, cancellationToken).ConfigureAwait(false)).OwnStop is { } standing)
        {
            return new StopOutcome(standing, AlreadyStopped: true, Push: null);
        }

        CommitInfo info = _context.CommitInfoFor(Name);
        var stop = new Stop
        {
            Scope = Name,
            Reason = reason.Trim(),
            Who = info.AuthorName,
            Since = _context.Time.GetUtcNow(),
            Suspended = await ReadReconcilersAsync(cancellationToken).ConfigureAwait(false),
            ScaledDown = await ReadScaleDownAsync(scaleDown.Distinct(StringComparer.Ordinal).ToArray(), cancellationToken).ConfigureAwait(false),
        };
        (Stop recorded, PushResult? push) = await RecordStopAsync(repository, stop, info, cancellationToken).ConfigureAwait(false);
        if (push is null)
        {
            return new StopOutcome(recorded, AlreadyStopped: true, Push: null);
        }

        await ApplyStopAsync(stop, cancellationToken).ConfigureAwait(false);
        _stopped = true;
        return new StopOutcome(stop, AlreadyStopped: false, push);
    }

    /// <summary>Whether a stop stood when the guards were last read (a rollback <c>--during-stop</c> is then not applied yet).</summary>
    public bool IsStopped => _stopped;

    /// <summary>Refuses (exit 3) while a stop stands, before <paramref name="target"/> writes anything; <paramref name="hint"/> names a way through.</summary>
    public async Task RefuseWhileStoppedAsync(string target, string? hint, CancellationToken cancellationToken)
    {
        (IGitOpsRepository repository, _) = await GitOpsAsync(cancellationToken).ConfigureAwait(false);
        (await ReadGuardsAsync(repository, cancellationToken).ConfigureAwait(false)).RefuseWhileStopped(target, hint);
    }

    /// <summary>
    /// Lifts the environment's own stop: replica counts and reconcilers back exactly as recorded, then the lifted stop is
    /// committed. Returns the stop lifted; null when none stood (nothing written).
    /// </summary>
    public async Task<Stop?> LiftStopAsync(string reason, CancellationToken cancellationToken)
    {
        RequireReason(reason, "Resume", $"why {Name} may move again, e.g. --reason \"fix deployed in production-40674\"");
        (IGitOpsRepository repository, _) = await GitOpsAsync(cancellationToken).ConfigureAwait(false);
        if ((await ReadGuardsAsync(repository, cancellationToken).ConfigureAwait(false)).OwnStop is not { } stop)
        {
            return null;
        }

        await UndoStopAsync(stop, cancellationToken).ConfigureAwait(false);
        await HoldArgoSyncAsync(onlyWhenHeld: true, cancellationToken).ConfigureAwait(false); // a rollback during the stop still holds
        await CommitLiftAsync(repository, stop, reason, cancellationToken).ConfigureAwait(false);
        _stopped = false;
        return stop;
    }

    /// <summary>Writes the stop file in one commit, unless a stop already stands there (a race lost to another stop: that one is returned, no push).</summary>
    internal async Task<(Stop Stop, PushResult? Push)> RecordStopAsync(Stop stop, CancellationToken cancellationToken)
    {
        (IGitOpsRepository repository, _) = await GitOpsAsync(cancellationToken).ConfigureAwait(false);
        return await RecordStopAsync(repository, stop, _context.CommitInfoFor(Name), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The stop of every environment, if one stands.</summary>
    internal async Task<Stop?> ReadGlobalStopAsync(CancellationToken cancellationToken)
        => (await ReadStopsAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(static s => s.IsGlobal);

    /// <summary>Whether the GitOps branch has the environment's manifests (it has been deployed through it).</summary>
    internal async Task<bool> IsDeployedAsync(CancellationToken cancellationToken)
    {
        (IGitOpsRepository repository, GitOpsEnvironment environment) = await GitOpsAsync(cancellationToken).ConfigureAwait(false);
        return (await repository.ReadSnapshotAsync([environment.Path], cancellationToken).ConfigureAwait(false)).Files.Count > 0;
    }

    internal async Task CommitLiftAsync(Stop stop, string reason, CancellationToken cancellationToken)
    {
        (IGitOpsRepository repository, _) = await GitOpsAsync(cancellationToken).ConfigureAwait(false);
        await CommitLiftAsync(repository, stop, reason, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<Stop>> ReadStopsAsync(CancellationToken cancellationToken)
    {
        (IGitOpsRepository repository, _) = await GitOpsAsync(cancellationToken).ConfigureAwait(false);
        return (await ReadGuardsAsync(repository, cancellationToken).ConfigureAwait(false)).Stops;
    }

    private async Task<(Stop Stop, PushResult? Push)> RecordStopAsync(IGitOpsRepository repository, Stop stop, CommitInfo info, CancellationToken cancellationToken)
    {
        Stop? other = null;
        PushResult push = await repository.PushChangeAsync(
            async (tree, ct) =>
            {
                other = StopLog.Parse(stop.Scope, await tree.ReadTextAsync(stop.File, ct).ConfigureAwait(false));
                if (other is not null)
                {
                    return null;
                }

                await tree.WriteTextAsync(stop.File, StopLog.Serialize(stop), ct).ConfigureAwait(false);
                string scaled = stop.ScaledDown.Count == 0 ? string.Empty : $", scale down {string.Join(", ", stop.ScaledDown.Select(static d => d.App).Distinct(StringComparer.Ordinal))}";
                return new ChangeDescription($"stop({stop.Scope}): emergency stop{scaled}", stop.Reason);
            },
            info,
            cancellationToken).ConfigureAwait(false);
        return other is not null ? (other, null) : (stop, push);
    }

    private async Task CommitLiftAsync(IGitOpsRepository repository, Stop stop, string reason, CancellationToken cancellationToken)
    {
        CommitInfo info = _context.CommitInfoFor(Name);
        await repository.PushChangeAsync(
            async (tree, ct) =>
            {
                if (StopLog.Parse(stop.Scope, await tree.ReadTextAsync(stop.File, ct).ConfigureAwait(false)) is null)
                {
                    return null; // lifted meanwhile by another Resume
                }

                await tree.WriteTextAsync(stop.File, StopLog.SerializeLifted(stop.Scope, info.AuthorName, _context.Time.GetUtcNow(), reason.Trim()), ct).ConfigureAwait(false);
                return new ChangeDescription($"resume({stop.Scope}): lift the emergency stop of {stop.Since.UtcDateTime:yyyy-MM-dd HH:mm} UTC", reason.Trim());
            },
            info,
            cancellationToken).ConfigureAwait(false);
    }

    internal static void RequireReason(string? reason, string target, string example)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw SlipwayException.Input($"{target} needs --reason: say {example}.");
        }
    }
}
