using Slipway.Gates;

namespace Slipway.Delivery;

/// <summary>What a writing target asks of <see cref="EnvironmentDelivery.CheckGatesAsync"/>: who writes, what it would move, the overrides, where approvals come from.</summary>
public sealed record GateCheckRequest(string Writer, GateMode Mode, ApprovalSources Approvals)
{
    /// <summary>SyncApps <c>--app</c>: only this app moves (with <see cref="Tag"/>).</summary>
    public string? App { get; init; }

    /// <summary>SyncApps <c>--tag</c>.</summary>
    public string? Tag { get; init; }

    public GateOverrides Overrides { get; init; } = GateOverrides.None;

    /// <summary>The reviewed plan's <c>infra-plan.json</c> (its risk raises the approvals needed); null: the one PlanInfra writes for the environment.</summary>
    public string? PlanMetadata { get; init; }
}
