namespace Slipway.Verification;

/// <summary>
/// What Verify read from the cluster in one pass: one list call per kind per namespace, each object reduced to the
/// fields the rollout rules read (<see cref="IRolloutReader"/>).
/// </summary>
public sealed record ClusterSnapshot(
    IReadOnlyList<NodeStatus> Nodes,
    IReadOnlyList<DeploymentStatus> Deployments,
    IReadOnlyList<PodStatus> Pods,
    IReadOnlyList<HelmReleaseStatus> HelmReleases,
    IReadOnlyList<ApplicationStatus> Applications)
{
    /// <summary>Scoped to the environment (<see cref="VerifyOptions.Expected"/>): its own HelmReleases and their workloads; empty otherwise.</summary>
    public IReadOnlyList<ReleaseSnapshot> Releases { get; init; } = [];
}
