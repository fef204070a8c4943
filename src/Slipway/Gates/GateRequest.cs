using Slipway.Environments.Settings;
using Slipway.Releases;

namespace Slipway.Gates;

/// <summary>Everything the gates of one environment judge, gathered before the first write (see <see cref="GateChecker"/>).</summary>
public sealed record GateRequest
{
    public required string Environment { get; init; }

    public required bool Protected { get; init; }

    public required GatesSettings Gates { get; init; }

    /// <summary>The target about to write (ApplyInfra, DeployPlatform, SyncApps, Rollback).</summary>
    public required string Writer { get; init; }

    public GateMode Mode { get; init; } = GateMode.Deploy;

    public required BranchEvidence Branch { get; init; }

    /// <summary>The app tags and chart versions the run would move.</summary>
    public IReadOnlyList<PromotedVersion> Moves { get; init; } = [];

    /// <summary>The release log of <c>gates.promoteFrom</c>; null when there is none to promote from.</summary>
    public ReleaseHistory? PromoteFrom { get; init; }

    /// <summary>Who approved, from the CI system; null for a local run (no CI to ask).</summary>
    public ApprovalEvidence? Approvals { get; init; }

    /// <summary>The change's risk and why.</summary>
    public ChangeRisk Risk { get; init; } = ChangeRisk.Low;

    public IReadOnlyList<string> RiskReasons { get; init; } = [];

    public GateOverrides Overrides { get; init; } = GateOverrides.None;
}
