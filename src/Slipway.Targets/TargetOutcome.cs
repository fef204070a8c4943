namespace Slipway.Targets;

/// <summary>One target of a finished run: its status, how long it ran, why it did not (skipped, not run) and its error.</summary>
public sealed record TargetOutcome(string Name, TargetStatus Status, TimeSpan Duration, string? Reason, string? Error);
