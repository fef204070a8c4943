using Slipway.Cluster;
using Slipway.Cluster.Connection;
using Slipway.LocalCluster.Hosting;

namespace Slipway.Tests.Support;

/// <summary>
/// The repository's local cluster (every controller) on a temporary root, as <c>./build.sh</c> starts it, and Slipway's
/// own adapter pointed at it. Its state lives in <c>&lt;root&gt;/.nuke/temp/local-cluster</c>, so a
/// delivery on <see cref="Root"/> (through <see cref="LocalClusterStarter"/>, the adapter build/ uses) joins it.
/// </summary>
public sealed class LocalClusterFixture : IAsyncLifetime
{
    private readonly TempDirectory _root = new("slipway-cluster");
    private LocalClusterHandle? _handle;
    private KubernetesCluster? _cluster;

    public string Root => _root.Path;

    public LocalClusterHandle Handle => _handle ?? throw new InvalidOperationException("not started");

    public KubernetesCluster Cluster => _cluster ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync()
    {
        _handle = await LocalClusterHost.StartAsync(LocalClusterStarter.OptionsFor(new LocalClusterStartRequest(new SlipwayPaths(_root.Path).LocalCluster, ["registry.local/web:1.0.0", "registry.local/web:2.0.0"])), TestContext.Current.CancellationToken);
        _cluster = new KubernetesCluster(ClusterTarget.ForUrl(_handle.BaseAddress, _handle.KubeconfigPath));
    }

    public async ValueTask DisposeAsync()
    {
        _cluster?.Dispose();
        if (_handle is not null)
        {
            await _handle.DisposeAsync();
        }

        _root.Dispose();
    }
}
