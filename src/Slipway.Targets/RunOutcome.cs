namespace Slipway.Targets;

/// <summary>A finished run as the CI system is told about it: its targets in order, the total time and the exit code.</summary>
public sealed record RunOutcome(IReadOnlyList<TargetOutcome> Targets, TimeSpan Total, int ExitCode)
{
    public bool Succeeded => ExitCode == ExitCodes.Success;

    /// <summary>True when <paramref name="target"/> ran in this run and succeeded.</summary>
    public bool RanSuccessfully(string target) => Targets.Any(t => t.Status == TargetStatus.Succeeded && string.Equals(t.Name, target, StringComparison.Ordinal));
}
