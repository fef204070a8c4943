namespace Slipway.Infrastructure;

/// <summary>What a saved plan file records, tallied by <see cref="SavedPlanFile"/>: the counts <c>show -json</c> would give.</summary>
internal sealed record SavedPlan(PlanCounts Counts, int Drift, bool Applyable, bool Errored, int UnknownActions);
