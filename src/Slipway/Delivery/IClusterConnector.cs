using Slipway.Environments.Settings;

namespace Slipway.Delivery;

/// <summary>
/// Connects to an environment's cluster. The build supplies it: <c>cluster: { local: true }</c> starts (or joins) the
/// embedded local cluster; <c>{ kubeconfig, context }</c> reads the kubeconfig.
/// </summary>
public interface IClusterConnector
{
    Task<ClusterConnection> ConnectAsync(EnvironmentSettings environment, CancellationToken cancellationToken);
}
