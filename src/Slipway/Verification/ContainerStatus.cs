namespace Slipway.Verification;

/// <summary>What Verify reads of a container's status: how often it restarted and, while it waits, why.</summary>
public sealed record ContainerStatus(string Name, int RestartCount, string? WaitingReason, string? WaitingMessage);
