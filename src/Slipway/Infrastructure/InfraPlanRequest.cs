namespace Slipway.Infrastructure;

/// <summary>Input of <see cref="InfraPlanner.PlanAsync"/>.</summary>
public sealed record InfraPlanRequest(InfraOptions Options)
{
    /// <summary>Plan with <c>-refresh-only</c>: report drift, change nothing else.</summary>
    public bool RefreshOnly { get; init; }
}
