namespace Slipway.Infrastructure;

/// <summary>
/// What the machine-readable output of <c>plan -json</c> said: every change but the plain no-ops (which terraform does
/// not stream), drift, output changes, terraform's own summary and the diagnostics. Lists are in arrival order.
/// </summary>
internal sealed record PlanStream(
    PlanCounts Counts,
    IReadOnlyList<ResourceChange> Destructive,
    IReadOnlyList<ResourceChange> Drift,
    int OutputChanges,
    PlanChangeSummary? Summary,
    IReadOnlyList<TerraformDiagnostic> Diagnostics)
{
    /// <summary>Lines that were not terraform's JSON messages (at most 64 KB), for error messages.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>Actions the stream named that Slipway does not know: the stream is then not trusted.</summary>
    public int Unrecognized { get; init; }
}
