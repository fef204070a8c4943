namespace Slipway.Verification;

/// <summary>What Verify reads of a node: its name and its conditions (it looks for <c>Ready</c>).</summary>
public sealed record NodeStatus(string Name, IReadOnlyList<StatusCondition> Conditions);
