using System.Globalization;
using k8s;
using k8s.Models;

namespace Slipway.Cluster;

/// <summary>Scaling a Deployment (an emergency stop's <c>--scale-down</c>, and Resume putting the replica count back).</summary>
public sealed partial class KubernetesCluster
{
    /// <summary>Sets <c>spec.replicas</c> of the Deployment with a merge patch.</summary>
    public async Task ScaleDeploymentAsync(string @namespace, string name, int replicas, CancellationToken cancellationToken)
    {
        var body = new V1Patch($"{{\"spec\":{{\"replicas\":{replicas.ToString(CultureInfo.InvariantCulture)}}}}}", V1Patch.PatchType.MergePatch);
        await WriteAsync(
            $"scale deployment {@namespace}/{name} to {replicas}",
            ct => _client.AppsV1.PatchNamespacedDeploymentAsync(body, name, @namespace, fieldManager: FieldManager, cancellationToken: ct),
            cancellationToken).ConfigureAwait(false);
    }
}
