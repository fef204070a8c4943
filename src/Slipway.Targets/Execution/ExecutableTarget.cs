using System.Linq.Expressions;

namespace Slipway.Targets.Execution;

/// <summary>A discovered target with its edges resolved to names, and its state during a run.</summary>
internal sealed class ExecutableTarget
{
    public ExecutableTarget(string name, int index, TargetDefinition definition)
    {
        Name = name;
        Index = index;
        Definition = definition;
    }

    public string Name { get; }

    /// <summary>Declaration order; ties in the plan are broken by it, so the order is deterministic.</summary>
    public int Index { get; }

    public TargetDefinition Definition { get; }

    public string? Description => Definition.DescriptionText;

    public List<string> DependsOn { get; } = [];

    public List<string> After { get; } = [];

    public List<string> Before { get; } = [];

    public List<string> Triggers { get; } = [];

    public List<string> TriggeredBy { get; } = [];

    public IReadOnlyList<LambdaExpression> RequiredParameters => Definition.RequiredParameters;

    public TargetStatus Status { get; set; } = TargetStatus.Scheduled;

    public TimeSpan Duration { get; set; }

    public string? Reason { get; set; }

    /// <summary>The error the target failed with, as printed (masked); null unless it failed.</summary>
    public string? Error { get; set; }

    public bool HasActions => Definition.Actions.Count > 0;
}
