namespace Slipway.Targets.Execution;

/// <summary>One step of an execution plan: the target, why it is there, and why it is skipped (null when it runs).</summary>
internal sealed record PlannedTarget(string Name, ScheduleReason Reason, string? Cause, string? SkipReason)
{
    public string Describe() => Reason switch
    {
        ScheduleReason.Requested => "requested",
        ScheduleReason.Dependency => $"dependency of {Cause}",
        _ => $"triggered by {Cause}",
    };
}
