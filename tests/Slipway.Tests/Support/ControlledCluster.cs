using k8s;
using Slipway.LocalCluster.Controllers;
using Slipway.LocalCluster.Hosting;

namespace Slipway.Tests.Support;

/// <summary>A local cluster shared by a test class, with every controller running (pods get Ready after 50 ms).</summary>
public sealed class ControlledCluster : IAsyncLifetime
{
    private ClusterFixture? _fixture;

    public ClusterFixture Fixture => _fixture ?? throw new InvalidOperationException("not started");

    public Kubernetes Client => Fixture.Client;

    public LocalClusterHandle Cluster => Fixture.Cluster;

    public async ValueTask InitializeAsync()
        => _fixture = await ClusterFixture.StartAsync(o => o with { Controllers = LocalClusterControllers.All, PodReadyDelay = TimeSpan.FromMilliseconds(50) });

    public async ValueTask DisposeAsync()
    {
        if (_fixture is not null)
        {
            await _fixture.DisposeAsync();
        }
    }
}
