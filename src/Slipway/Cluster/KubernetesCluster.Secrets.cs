using System.Text;
using k8s;
using k8s.Models;

namespace Slipway.Cluster;

/// <summary>Secrets Slipway owns (the values Secrets of platform releases).</summary>
public sealed partial class KubernetesCluster
{
    /// <summary>Creates or updates the Secret with server-side apply (field manager <c>slipway</c>): exactly these labels and keys.</summary>
    public async Task ApplySecretAsync(
        string @namespace,
        string name,
        IReadOnlyDictionary<string, string> labels,
        IReadOnlyDictionary<string, string> data,
        CancellationToken cancellationToken)
    {
        var secret = new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace, Labels = labels.ToDictionary() },
            Type = "Opaque",
            Data = data.ToDictionary(static e => e.Key, static e => Encoding.UTF8.GetBytes(e.Value)),
        };
        var patch = new V1Patch(secret, V1Patch.PatchType.ApplyPatch);
        await WriteAsync(
            $"apply Secret {@namespace}/{name}",
            ct => _client.CoreV1.PatchNamespacedSecretAsync(patch, name, @namespace, fieldManager: FieldManager, force: true, cancellationToken: ct),
            cancellationToken).ConfigureAwait(false);
    }
}
