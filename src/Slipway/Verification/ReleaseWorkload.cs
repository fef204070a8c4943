namespace Slipway.Verification;

/// <summary>
/// A Deployment a HelmRelease installed (labelled <c>helm.toolkit.fluxcd.io/name</c> and <c>/namespace</c>, as helm-controller
/// labels what it installs) or an Argo CD Application synced (its tracking label <c>app.kubernetes.io/instance</c>), with its <c>helm.sh/chart</c> label, the images of its pod template, and its pods (those its
/// selector matches) with the images each runs.
/// </summary>
public sealed record ReleaseWorkload(DeploymentStatus Deployment, string? ChartLabel, IReadOnlyList<string> TemplateImages, IReadOnlyList<WorkloadPod> Pods);

/// <summary>A pod of a <see cref="ReleaseWorkload"/>: its container statuses and the images of its containers (<c>spec.containers[].image</c>).</summary>
public sealed record WorkloadPod(PodStatus Status, IReadOnlyList<string> Images);

/// <summary>What Verify read of one <see cref="ExpectedRelease"/>: the HelmRelease (null when it does not exist, or with Argo CD) and its workloads.</summary>
public sealed record ReleaseSnapshot(ExpectedRelease Expected, HelmReleaseStatus? HelmRelease, IReadOnlyList<ReleaseWorkload> Workloads)
{
    /// <summary>With Argo CD (<see cref="ExpectedRelease.IsApplication"/>): the Application, or null when it does not exist.</summary>
    public ApplicationStatus? Application { get; init; }
}
