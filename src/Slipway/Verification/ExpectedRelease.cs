namespace Slipway.Verification;

/// <summary>
/// One release of the environment as the pushed commit names it — a Flux HelmRelease, or an Argo CD Application (when
/// <see cref="Destination"/> is set): Verify looks only at it and the workloads it installed, and reports live only when
/// they run <see cref="Image"/> (apps) and <see cref="ChartVersion"/> (when the commit names an exact version).
/// </summary>
/// <param name="Namespace">The HelmRelease's (or Application's) namespace.</param>
/// <param name="Name">The HelmRelease's (or Application's) name.</param>
/// <param name="Image">The image reference (<c>repository:tag</c>) its pods must run, or null (a platform release's own image).</param>
/// <param name="ChartVersion">The chart version it must run, or null when the commit names none or a range.</param>
/// <param name="Source">Where the commit names it (file at commit), for messages.</param>
public sealed record ExpectedRelease(string Namespace, string Name, string? Image, string? ChartVersion, string Source)
{
    /// <summary>
    /// Argo CD: the Application's <c>spec.destination.namespace</c>, where the Deployments it syncs are (labelled with
    /// Argo CD's tracking label <c>app.kubernetes.io/instance: &lt;application&gt;</c>); null for a Flux HelmRelease.
    /// </summary>
    public string? Destination { get; init; }

    /// <summary>An Argo CD root application ("app of apps"): it syncs the environment's Applications, not workloads.</summary>
    public bool IsRoot { get; init; }

    public bool IsApplication => Destination is not null;

    /// <summary><c>HelmRelease</c> or <c>Application</c>, for messages.</summary>
    public string Kind => IsApplication ? "Application" : "HelmRelease";

    /// <summary>The namespace of its Deployments and pods.</summary>
    public string WorkloadNamespace => Destination ?? Namespace;

    /// <summary>The label selector of its Deployments: helm-controller's labels, or Argo CD's tracking label.</summary>
    public string WorkloadSelector => IsApplication
        ? $"app.kubernetes.io/instance={Name}"
        : $"helm.toolkit.fluxcd.io/name={Name},helm.toolkit.fluxcd.io/namespace={Namespace}";
}
