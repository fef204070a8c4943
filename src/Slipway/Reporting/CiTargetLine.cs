namespace Slipway.Reporting;

/// <summary>
/// One target of a run in the CI report: its status as the engine names it (Succeeded, Failed, Skipped, NotRun, Aborted),
/// how long it ran (null when it did not), why it did not run, and the error it failed with.
/// </summary>
public sealed record CiTargetLine(string Name, string Status, TimeSpan? Duration, string? Reason = null, string? Error = null)
{
    public bool Failed => Status is "Failed" or "Aborted";
}
