namespace Slipway.Targets;

/// <summary>Where a target stands in a run.</summary>
public enum TargetStatus
{
    Scheduled,
    Running,
    Succeeded,
    Failed,
    Skipped,
    NotRun,
    Aborted,
}
