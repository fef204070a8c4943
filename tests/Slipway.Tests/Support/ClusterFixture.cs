using k8s;
using Slipway.LocalCluster.Hosting;

namespace Slipway.Tests.Support;

/// <summary>A local cluster on a random port in a temporary state directory, with a KubernetesClient pointed at it.</summary>
public sealed class ClusterFixture : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();

    private ClusterFixture()
    {
    }

    public LocalClusterHandle Cluster { get; private set; } = null!;

    public Kubernetes Client { get; private set; } = null!;

    public string StateDirectory => _directory.Path;

    public static async Task<ClusterFixture> StartAsync(Func<LocalClusterOptions, LocalClusterOptions>? configure = null)
    {
        var fixture = new ClusterFixture();
        var options = new LocalClusterOptions { StateDirectory = fixture._directory.Path, LockWait = TimeSpan.FromSeconds(2) };
        fixture.Cluster = await LocalClusterHost.StartAsync(configure?.Invoke(options) ?? options, TestContext.Current.CancellationToken);
        fixture.Client = new Kubernetes(new KubernetesClientConfiguration { Host = fixture.Cluster.BaseAddress.ToString() });
        return fixture;
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        _directory.Dispose();
    }
}
