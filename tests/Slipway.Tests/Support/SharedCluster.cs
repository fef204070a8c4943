using k8s;
using Slipway.LocalCluster.Hosting;

namespace Slipway.Tests.Support;

/// <summary>One local cluster shared by the tests of a class (each test uses its own names).</summary>
public sealed class SharedCluster : IAsyncLifetime
{
    private ClusterFixture? _fixture;

    public ClusterFixture Fixture => _fixture ?? throw new InvalidOperationException("not started");

    public Kubernetes Client => Fixture.Client;

    public LocalClusterHandle Cluster => Fixture.Cluster;

    public async ValueTask InitializeAsync() => _fixture = await ClusterFixture.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_fixture is not null)
        {
            await _fixture.DisposeAsync();
        }
    }
}
