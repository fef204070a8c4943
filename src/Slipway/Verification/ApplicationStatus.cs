using System.Text.Json;

namespace Slipway.Verification;

/// <summary>
/// What Verify reads of an Argo CD Application: sync and health status, the last operation, the conditions, and the source
/// it asks for against the one Argo CD last compared (both left as JSON: they are compared as a whole).
/// </summary>
public sealed record ApplicationStatus
{
    public required string Namespace { get; init; }

    public required string Name { get; init; }

    /// <summary>Whether the Application has a <c>status</c> at all (Argo CD has not looked at it yet when not).</summary>
    public bool HasStatus { get; init; }

    /// <summary><c>status.sync.status</c> (<c>Synced</c>, <c>OutOfSync</c>); empty when absent, as are the texts below.</summary>
    public string SyncStatus { get; init; } = string.Empty;

    /// <summary><c>status.health.status</c> (<c>Healthy</c>, <c>Progressing</c>, <c>Degraded</c>, …).</summary>
    public string HealthStatus { get; init; } = string.Empty;

    /// <summary><c>status.operationState.phase</c> (<c>Running</c>, <c>Succeeded</c>, <c>Failed</c>, <c>Error</c>).</summary>
    public string OperationPhase { get; init; } = string.Empty;

    /// <summary><c>status.operationState.message</c>.</summary>
    public string OperationMessage { get; init; } = string.Empty;

    /// <summary><c>status.conditions</c> (Verify looks for <c>ComparisonError</c>).</summary>
    public IReadOnlyList<StatusCondition> Conditions { get; init; } = [];

    /// <summary>
    /// With a chart source (<c>spec.source.chart</c>): the revision — the chart version — of the newest <c>status.history</c>
    /// entry (what the last successful sync deployed), else null.
    /// </summary>
    public string? DeployedChartVersion { get; init; }

    /// <summary><c>spec.source</c>, or null.</summary>
    public JsonElement? Source { get; init; }

    /// <summary><c>status.sync.comparedTo.source</c>: the source the sync and health status are for, or null.</summary>
    public JsonElement? ComparedSource { get; init; }
}
