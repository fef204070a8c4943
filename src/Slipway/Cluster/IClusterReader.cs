using System.Text.Json;
using k8s.Models;

namespace Slipway.Cluster;

/// <summary>Read-only access to a cluster's lists (what Verify and Status read). Reads are safe to retry, and the adapter retries them on 5xx and timeouts.</summary>
public interface IClusterReader
{
    Task<IReadOnlyList<V1Node>> ListNodesAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<V1Deployment>> ListDeploymentsAsync(string @namespace, CancellationToken cancellationToken);

    Task<IReadOnlyList<V1Pod>> ListPodsAsync(string @namespace, CancellationToken cancellationToken);

    /// <summary>
    /// Nodes with only what the rollout checks read (name, conditions); the rest of each object is skipped unread, which
    /// makes a large list many times cheaper. The same holds for the two methods below.
    /// </summary>
    Task<IReadOnlyList<V1Node>> ListNodesForRolloutAsync(CancellationToken cancellationToken);

    /// <summary>Deployments with only name, namespace, generation, spec.replicas and the status fields the rollout checks read.</summary>
    Task<IReadOnlyList<V1Deployment>> ListDeploymentsForRolloutAsync(string @namespace, CancellationToken cancellationToken);

    /// <summary>Pods with only name, namespace and their (init) container statuses: name, restart count, waiting reason and message.</summary>
    Task<IReadOnlyList<V1Pod>> ListPodsForRolloutAsync(string @namespace, CancellationToken cancellationToken);

    Task<IReadOnlyList<JsonElement>> ListCustomObjectsAsync(CustomResource resource, string @namespace, CancellationToken cancellationToken);
}
