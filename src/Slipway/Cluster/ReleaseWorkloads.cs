using k8s.Models;
using Slipway.Verification;

namespace Slipway.Cluster;

/// <summary>Reduces typed Deployments and pods to what scoped Verify reads of a HelmRelease's workloads.</summary>
internal static class ReleaseWorkloads
{
    public static ReleaseWorkload Workload(V1Deployment deployment, IReadOnlyList<WorkloadPod> pods)
    {
        string? chart = deployment.Metadata?.Labels is { } labels && labels.TryGetValue("helm.sh/chart", out string? value) ? value : null;
        IReadOnlyList<string> images = [.. (deployment.Spec?.Template?.Spec?.Containers ?? []).Select(static c => c.Image ?? string.Empty)];
        return new ReleaseWorkload(Deployment(deployment), chart, images, pods);
    }

    /// <summary>What Verify reads of a typed Deployment.</summary>
    public static DeploymentStatus Deployment(V1Deployment deployment) => new()
    {
        Namespace = deployment.Namespace() ?? string.Empty,
        Name = deployment.Name() ?? string.Empty,
        Generation = deployment.Metadata?.Generation ?? 0,
        DesiredReplicas = deployment.Spec?.Replicas,
        ObservedGeneration = deployment.Status?.ObservedGeneration ?? 0,
        Replicas = deployment.Status?.Replicas ?? 0,
        UpdatedReplicas = deployment.Status?.UpdatedReplicas ?? 0,
        AvailableReplicas = deployment.Status?.AvailableReplicas ?? 0,
        Conditions = [.. (deployment.Status?.Conditions ?? []).Select(static c => new StatusCondition(c.Type, c.Status, c.Reason, c.Message))],
    };

    public static WorkloadPod Pod(V1Pod pod)
        => new(PodStatus(pod), [.. (pod.Spec?.Containers ?? []).Select(static c => c.Image ?? string.Empty)]);

    /// <summary>What Verify reads of a typed pod.</summary>
    public static PodStatus PodStatus(V1Pod pod)
        => new(
            pod.Namespace() ?? string.Empty,
            pod.Name() ?? string.Empty,
            [.. (pod.Status?.InitContainerStatuses ?? []).Select(Container)],
            [.. (pod.Status?.ContainerStatuses ?? []).Select(Container)]);

    private static ContainerStatus Container(V1ContainerStatus container)
        => new(container.Name, container.RestartCount, container.State?.Waiting?.Reason, container.State?.Waiting?.Message);
}
