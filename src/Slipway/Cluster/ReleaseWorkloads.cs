using k8s.Models;
using Slipway.Verification;

namespace Slipway.Cluster;

/// <summary>Reduces typed Deployments and pods to what scoped Verify reads of a HelmRelease's workloads.</summary>
internal static class ReleaseWorkloads
{
    public static ReleaseWorkload Workload(V1Deployment deployment, IReadOnlyList<WorkloadPod> pods)
    {
        var status = new DeploymentStatus
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
        string? chart = deployment.Metadata?.Labels is { } labels && labels.TryGetValue("helm.sh/chart", out string? value) ? value : null;
        IReadOnlyList<string> images = [.. (deployment.Spec?.Template?.Spec?.Containers ?? []).Select(static c => c.Image ?? string.Empty)];
        return new ReleaseWorkload(status, chart, images, pods);
    }

    public static WorkloadPod Pod(V1Pod pod)
    {
        var status = new PodStatus(
            pod.Namespace() ?? string.Empty,
            pod.Name() ?? string.Empty,
            [.. (pod.Status?.InitContainerStatuses ?? []).Select(Container)],
            [.. (pod.Status?.ContainerStatuses ?? []).Select(Container)]);
        return new WorkloadPod(status, [.. (pod.Spec?.Containers ?? []).Select(static c => c.Image ?? string.Empty)]);
    }

    private static ContainerStatus Container(V1ContainerStatus container)
        => new(container.Name, container.RestartCount, container.State?.Waiting?.Reason, container.State?.Waiting?.Message);
}
