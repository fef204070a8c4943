using k8s.Models;
using Slipway.Cluster;
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

    public static DeploymentStatus Deployment(V1Deployment deployment) => ReleaseWorkloads.Deployment(deployment);

    public static PodStatus Pod(V1Pod pod) => ReleaseWorkloads.PodStatus(pod);
}
