namespace Slipway.Targets.Execution;

/// <summary>The checked input of a run: the targets it selects and the parameters that got a value from a source.</summary>
internal sealed record RunInputs(TargetSelection Targets, IReadOnlySet<string> BoundParameters);
