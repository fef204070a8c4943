namespace Slipway.Targets.Execution;

/// <summary>What the planner is asked: the graph, the requested targets and the skips.</summary>
internal sealed record PlanRequest(IReadOnlyList<PlanNode> Nodes, IReadOnlyList<string> Requested)
{
    /// <summary>Targets named by <c>--skip A,B</c>.</summary>
    public IReadOnlyCollection<string> Skip { get; init; } = [];

    /// <summary><c>--skip</c> without names: skip everything that was not requested.</summary>
    public bool SkipAllButRequested { get; init; }

    /// <summary>Gives the reason a target's static condition is false, or null when it may run.</summary>
    public Func<string, string?> StaticSkipReason { get; init; } = static _ => null;
}
