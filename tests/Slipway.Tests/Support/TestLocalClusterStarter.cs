using Slipway.Cluster.Connection;
using Slipway.LocalCluster.Controllers;
using Slipway.LocalCluster.Hosting;

namespace Slipway.Tests.Support;

/// <summary>The tests' equivalent of build/LocalClusterStarter.cs: the local cluster with every controller, as a run starts it.</summary>
public sealed class TestLocalClusterStarter : ILocalClusterStarter
{
    public static LocalClusterOptions OptionsFor(LocalClusterStartRequest request) => new()
    {
        StateDirectory = request.StateDirectory,
        Controllers = LocalClusterControllers.All,
        SeedImages = request.SeedImages,
    };

    /// <summary>The options of the repository's local cluster under <paramref name="root"/>, as a run would start it.</summary>
    public static LocalClusterOptions OptionsFor(string root, IReadOnlyList<string> seedImages)
        => OptionsFor(new LocalClusterStartRequest(new SlipwayPaths(root).LocalCluster, seedImages));

    public async Task<StartedLocalCluster> StartAsync(LocalClusterStartRequest request, CancellationToken cancellationToken)
    {
        LocalClusterHandle handle = await LocalClusterHost.StartAsync(OptionsFor(request), cancellationToken);
        return new StartedLocalCluster(handle.BaseAddress, handle.KubeconfigPath, handle);
    }
}
