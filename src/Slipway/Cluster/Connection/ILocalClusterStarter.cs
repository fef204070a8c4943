namespace Slipway.Cluster.Connection;

/// <summary>
/// Starts (or joins) the embedded local cluster. The build supplies it over <c>Slipway.LocalCluster</c>, which knows
/// nothing of the delivery domain; tests supply their own.
/// </summary>
public interface ILocalClusterStarter
{
    Task<StartedLocalCluster> StartAsync(LocalClusterStartRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the local cluster of <paramref name="environment"/> in <paramref name="sharedDirectory"/> for good (its state
    /// and kubeconfig context); false when it had none. Refused (exit 3) while a process serves it.
    /// </summary>
    Task<bool> RemoveAsync(string sharedDirectory, string environment, CancellationToken cancellationToken);
}
