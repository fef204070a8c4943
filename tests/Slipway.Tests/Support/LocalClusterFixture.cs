using System.Collections.Concurrent;
using Slipway.Cluster;
using Slipway.Cluster.Connection;
using Slipway.LocalCluster.Hosting;

namespace Slipway.Tests.Support;

/// <summary>
/// The repository's local clusters (every controller) on a temporary root, as <c>./build.sh</c> starts them, one per
/// environment, and Slipway's own adapter pointed at each. <see cref="Cluster"/> is that of <see cref="Environment"/>;
/// <see cref="ClusterForAsync"/> starts another environment's (state in <c>&lt;root&gt;/.nuke/temp/local-cluster/&lt;env&gt;</c>),
/// so a delivery of that environment on <see cref="Root"/> (through <see cref="LocalClusterStarter"/>, the adapter
/// build/ uses) joins it.
/// </summary>
public sealed class LocalClusterFixture : IAsyncLifetime
{
    /// <summary>The environment whose cluster <see cref="Cluster"/> and <see cref="Handle"/> are.</summary>
    public const string Environment = "local";

    private static readonly string[] s_images = ["registry.local/web:1.0.0", "registry.local/web:2.0.0"];

    private readonly TempDirectory _root = new("slipway-cluster");
    private readonly ConcurrentDictionary<string, Lazy<Task<(LocalClusterHandle Handle, KubernetesCluster Cluster)>>> _clusters = new(StringComparer.Ordinal);
    private (LocalClusterHandle Handle, KubernetesCluster Cluster)? _default;

    public string Root => _root.Path;

    public LocalClusterHandle Handle => _default?.Handle ?? throw new InvalidOperationException("not started");

    public KubernetesCluster Cluster => _default?.Cluster ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync() => _default = await StartAsync(Environment);

    /// <summary>The cluster of <paramref name="environment"/> on this root, started on first use.</summary>
    public async Task<KubernetesCluster> ClusterForAsync(string environment) => (await StartAsync(environment)).Cluster;

    public async ValueTask DisposeAsync()
    {
        foreach (Lazy<Task<(LocalClusterHandle Handle, KubernetesCluster Cluster)>> started in _clusters.Values)
        {
            (LocalClusterHandle handle, KubernetesCluster cluster) = await started.Value;
            cluster.Dispose();
            await handle.DisposeAsync();
        }

        _root.Dispose();
    }

    private Task<(LocalClusterHandle Handle, KubernetesCluster Cluster)> StartAsync(string environment)
        => _clusters.GetOrAdd(environment, name => new(async () =>
        {
            var request = new LocalClusterStartRequest(new SlipwayPaths(_root.Path).LocalCluster, name, s_images);
            LocalClusterHandle handle = await LocalClusterHost.StartAsync(LocalClusterStarter.OptionsFor(request), TestContext.Current.CancellationToken);
            return (handle, new KubernetesCluster(ClusterTarget.ForUrl(handle.BaseAddress, handle.KubeconfigPath, handle.ContextName)));
        })).Value;
}
