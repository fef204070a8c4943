namespace Slipway.Targets.Execution;

/// <summary>Why a target is in the plan.</summary>
internal enum ScheduleReason
{
    Requested,
    Dependency,
    Triggered,
}
