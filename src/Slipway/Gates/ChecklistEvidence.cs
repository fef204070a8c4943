using Slipway.Releases;

namespace Slipway.Gates;

/// <summary>
/// What the release checklist is made from, all read without writing anything: the lock check, the saved plan check, the
/// gate request as the Gates target would judge it, and the stops that stand.
/// </summary>
public sealed record ChecklistEvidence
{
    /// <summary>The gates of the environment with their evidence (branch, moves, promoteFrom log, approvals, risk).</summary>
    public required GateRequest Gates { get; init; }

    /// <summary>Null: <c>versions.lock.yaml</c> is current; else why it is not.</summary>
    public required string? LockProblem { get; init; }

    /// <summary>The lock file, for the evidence.</summary>
    public required string LockFile { get; init; }

    /// <summary>Null: no infrastructure stack, so nothing to plan.</summary>
    public required SavedPlanStatus? Plan { get; init; }

    /// <summary>The emergency stops that stand for the environment.</summary>
    public IReadOnlyList<Stop> Stops { get; init; } = [];
}

/// <summary>The saved plan of PlanInfra: whether it exists and is current (the checks ApplyInfra makes), and what it says.</summary>
public sealed record SavedPlanStatus(bool Current, string Evidence);
