using Slipway.Cluster.Connection;
using Slipway.LocalCluster.Controllers;
using Slipway.LocalCluster.Hosting;

/// <summary>
/// The local cluster as the delivery domain starts it: <see cref="LocalClusterHost"/> with every controller, on the state
/// directory and with the seed images the domain asks for. Slipway.LocalCluster knows nothing of the domain; this adapter
/// is the one place both meet.
/// </summary>
internal sealed class LocalClusterStarter : ILocalClusterStarter
{
    public static LocalClusterOptions OptionsFor(LocalClusterStartRequest request) => new()
    {
        StateDirectory = request.StateDirectory,
        Controllers = LocalClusterControllers.All,
        SeedImages = request.SeedImages,
    };

    public async Task<StartedLocalCluster> StartAsync(LocalClusterStartRequest request, CancellationToken cancellationToken)
    {
        LocalClusterHandle handle = await LocalClusterHost.StartAsync(OptionsFor(request), cancellationToken);
        return new StartedLocalCluster(handle.BaseAddress, handle.KubeconfigPath, handle);
    }
}
