namespace Slipway.Targets.Execution;

/// <summary>A target as the planner sees it: a name, its declaration order and its edges. No reflection, no actions.</summary>
internal sealed record PlanNode(string Name, int Index)
{
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    public IReadOnlyList<string> After { get; init; } = [];

    public IReadOnlyList<string> Before { get; init; } = [];

    public IReadOnlyList<string> Triggers { get; init; } = [];

    public IReadOnlyList<string> TriggeredBy { get; init; } = [];
}
