namespace Slipway.Verification;

/// <summary>What Verify reads of a Flux HelmRelease: the generation asked for, the one the helm controller observed, and the conditions.</summary>
public sealed record HelmReleaseStatus(string Namespace, string Name, long Generation, long ObservedGeneration, IReadOnlyList<StatusCondition> Conditions)
{
    /// <summary>
    /// <c>reconcile.fluxcd.io/requestedAt</c> is set and differs from <c>status.lastHandledReconcileAt</c>: a reconcile was
    /// asked for (e.g. a forced upgrade after a failed one) and the conditions still describe the state before it.
    /// </summary>
    public bool ReconcileRequested { get; init; }

    /// <summary>The chart version of the newest release in <c>status.history</c> when it is deployed, else null.</summary>
    public string? DeployedChartVersion { get; init; }
}
