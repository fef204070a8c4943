using k8s.Models;
using Slipway.Verification;

namespace Slipway.Tests.Verification;

/// <summary>
/// Verify's records taken from whole objects as KubernetesClient deserializes them: what the rollout-fields read path
/// (which skips everything else unread) must produce the same checks as.
/// </summary>
internal static class WholeObjects
{
    public static NodeStatus Node(V1Node node)
        => new(node.Metadata.Name ?? string.Empty, [.. (node.Status?.Conditions ?? []).Select(static c => new StatusCondition(c.Type, c.Status, c.Reason, c.Message))]);

    public static DeploymentStatus Deployment(V1Deployment deployment) => new()
    {
        Namespace = deployment.Metadata.NamespaceProperty ?? string.Empty,
        Name = deployment.Metadata.Name ?? string.Empty,
        Generation = deployment.Metadata.Generation ?? 0,
        DesiredReplicas = deployment.Spec?.Replicas,
        ObservedGeneration = deployment.Status?.ObservedGeneration ?? 0,
        Replicas = deployment.Status?.Replicas ?? 0,
        UpdatedReplicas = deployment.Status?.UpdatedReplicas ?? 0,
        AvailableReplicas = deployment.Status?.AvailableReplicas ?? 0,
        Conditions = [.. (deployment.Status?.Conditions ?? []).Select(static c => new StatusCondition(c.Type, c.Status, c.Reason, c.Message))],
    };

    public static PodStatus Pod(V1Pod pod)
        => new(pod.Metadata.NamespaceProperty ?? string.Empty, pod.Metadata.Name ?? string.Empty, Containers(pod.Status?.InitContainerStatuses), Containers(pod.Status?.ContainerStatuses));

    private static IReadOnlyList<ContainerStatus> Containers(IList<V1ContainerStatus>? statuses)
        => [.. (statuses ?? []).Select(static c => new ContainerStatus(c.Name, c.RestartCount, c.State?.Waiting?.Reason, c.State?.Waiting?.Message))];
}
