using System.Text.Json.Nodes;
using k8s.Models;

namespace Slipway.Cluster;

/// <summary>
/// Changes to a cluster. Writes are not retried blindly: server-side apply and merge patches are idempotent and
/// retried by their callers where that is safe; lease writes carry a resourceVersion and fail with 409 on a race.
/// </summary>
public interface IClusterWriter
{
    Task EnsureNamespaceAsync(string @namespace, CancellationToken cancellationToken);

    /// <summary>Server-side apply (field manager <c>slipway</c>) of a namespaced custom object.</summary>
    Task ApplyCustomObjectAsync(CustomResource resource, string @namespace, string name, JsonObject manifest, CancellationToken cancellationToken);

    /// <summary>A JSON merge patch (<c>application/merge-patch+json</c>).</summary>
    Task MergePatchCustomObjectAsync(CustomResource resource, string @namespace, string name, JsonObject patch, CancellationToken cancellationToken);

    /// <summary>Creates the lease; returns null when it already exists (409).</summary>
    Task<V1Lease?> TryCreateLeaseAsync(V1Lease lease, CancellationToken cancellationToken);

    /// <summary>Replaces the lease; returns null when its resourceVersion is stale (409) or it is gone (404).</summary>
    Task<V1Lease?> TryReplaceLeaseAsync(V1Lease lease, CancellationToken cancellationToken);

    /// <summary>Deletes the lease if its resourceVersion still matches; a lease already gone is fine.</summary>
    Task DeleteLeaseAsync(V1Lease lease, CancellationToken cancellationToken);
}
