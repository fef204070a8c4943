using System.Text.Json;
using k8s.Models;

namespace Slipway.Cluster;

/// <summary>Read-only access to a cluster's lists (what Verify and Status read). Reads are safe to retry, and the adapter retries them on 5xx and timeouts.</summary>
public interface IClusterReader
{
    Task<IReadOnlyList<V1Node>> ListNodesAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<V1Deployment>> ListDeploymentsAsync(string @namespace, CancellationToken cancellationToken);

    Task<IReadOnlyList<V1Pod>> ListPodsAsync(string @namespace, CancellationToken cancellationToken);

    Task<IReadOnlyList<JsonElement>> ListCustomObjectsAsync(CustomResource resource, string @namespace, CancellationToken cancellationToken);
}
