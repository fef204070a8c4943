namespace Slipway.Targets.Execution;

/// <summary>A target as the planner sees it: a name, its declaration order and its edges. No reflection, no actions.</summary>
internal sealed record PlanNode(
    string Name,
    int Index,
    IReadOnlyList<string> DependsOn,
    IReadOnlyList<string> After,
    IReadOnlyList<string> Before,
    IReadOnlyList<string> Triggers,
    IReadOnlyList<string> TriggeredBy);
