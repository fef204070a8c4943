using k8s.Models;
using Slipway.Cluster;

namespace Slipway.Tests.Cluster;

/// <summary>A lease API whose answers a test sets: what a read finds, whether a create or replace wins, whether a delete fails.</summary>
public sealed class FakeLeases : IClusterLeases
{
    public V1Lease? Existing { get; set; }

    /// <summary>When false, a create answers 409 (the lease exists).</summary>
    public bool CreateWins { get; set; } = true;

    /// <summary>When false, every replace answers 409 (another run changed the lease first).</summary>
    public bool ReplaceWins { get; set; } = true;

    public Exception? DeleteFailure { get; set; }

    public int ReplaceAttempts { get; private set; }

    public Task EnsureNamespaceAsync(string @namespace, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<V1Lease?> ReadLeaseAsync(string @namespace, string name, CancellationToken cancellationToken) => Task.FromResult(Existing);

    public Task<V1Lease?> TryCreateLeaseAsync(V1Lease lease, CancellationToken cancellationToken)
        => Task.FromResult(CreateWins ? lease : null);

    public Task<V1Lease?> TryReplaceLeaseAsync(V1Lease lease, CancellationToken cancellationToken)
    {
        ReplaceAttempts++;
        return Task.FromResult(ReplaceWins ? lease : null);
    }

    public Task DeleteLeaseAsync(V1Lease lease, CancellationToken cancellationToken)
        => DeleteFailure is null ? Task.CompletedTask : Task.FromException(DeleteFailure);

    public static V1Lease HeldBy(string holder, DateTime renewed, int seconds) => new()
    {
        Metadata = new V1ObjectMeta { Name = DeployLease.NameFor("staging"), NamespaceProperty = DeployLease.Namespace, ResourceVersion = "7" },
        Spec = new V1LeaseSpec { HolderIdentity = holder, AcquireTime = renewed, RenewTime = renewed, LeaseDurationSeconds = seconds },
    };
}
