using k8s.Models;

namespace Slipway.Cluster;

/// <summary>
/// The coordination Leases of a cluster, as <see cref="DeployLease"/> takes, renews and releases them. Writes carry a
/// resourceVersion and report a race (409) as null instead of throwing. Tests drive the lease with a fake.
/// </summary>
public interface IClusterLeases
{
    Task EnsureNamespaceAsync(string @namespace, CancellationToken cancellationToken);

    /// <summary>The lease, or null when it does not exist.</summary>
    Task<V1Lease?> ReadLeaseAsync(string @namespace, string name, CancellationToken cancellationToken);

    /// <summary>Creates the lease; returns null when it already exists (409).</summary>
    Task<V1Lease?> TryCreateLeaseAsync(V1Lease lease, CancellationToken cancellationToken);

    /// <summary>Replaces the lease; returns null when its resourceVersion is stale (409) or it is gone (404).</summary>
    Task<V1Lease?> TryReplaceLeaseAsync(V1Lease lease, CancellationToken cancellationToken);

    /// <summary>Deletes the lease if its resourceVersion still matches; a lease already gone is fine.</summary>
    Task DeleteLeaseAsync(V1Lease lease, CancellationToken cancellationToken);
}
