namespace Slipway.Cluster.Connection;

/// <summary>
/// Starts (or joins) the embedded local cluster. The build supplies it over <c>Slipway.LocalCluster</c>, which knows
/// nothing of the delivery domain; tests supply their own.
/// </summary>
public interface ILocalClusterStarter
{
    Task<StartedLocalCluster> StartAsync(LocalClusterStartRequest request, CancellationToken cancellationToken);
}
