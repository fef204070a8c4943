namespace Slipway.Infrastructure;

/// <summary>What a saved plan would do, read from <c>terraform show -json</c> while streaming.</summary>
public sealed record PlanClassification(
    PlanCounts Counts,
    IReadOnlyList<ResourceChange> Destructive,
    IReadOnlyList<ResourceChange> Drift,
    int OutputChanges,
    bool Errored,
    bool? Applyable)
{
    public RiskLevel Risk => Counts.Destructive > 0 ? RiskLevel.High : Counts.Changes > 0 ? RiskLevel.Low : RiskLevel.None;

    /// <summary>Whether applying the plan would change anything (terraform's <c>applyable</c> when it says so).</summary>
    public bool HasChanges => Applyable ?? (Counts.Changes > 0 || OutputChanges > 0);
}
