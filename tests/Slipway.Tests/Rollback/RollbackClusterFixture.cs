using Slipway.Cluster;
using Slipway.Cluster.Connection;
using Slipway.Delivery;
using Slipway.Environments;
using Slipway.Hosting;
using Slipway.LocalCluster.Hosting;
using Slipway.Tests.Support;

namespace Slipway.Tests.Rollback;

/// <summary>
/// The local cluster with images <c>registry.local/web:r-1</c> … <c>r-3</c>, and the repository's environments plus
/// <c>rb</c> and <c>old</c> (web at r-1, no infrastructure), for deliveries that deploy, roll back and resume.
/// </summary>
public sealed class RollbackClusterFixture : IAsyncLifetime
{
    private const string Environment = """
        extends: [base]
        description: Rollback tests on the local cluster
        cluster:
          local: true
        infrastructure: null
        apps:
          web:
            tag: r-1
            replicas: 1
            namespace: NAMESPACE
        verify:
          timeout: 60s
          interval: 1s

        """;

    private readonly TempDirectory _root = new("slipway-rollback");
    private LocalClusterHandle? _handle;
    private KubernetesCluster? _cluster;

    public string Root => _root.Path;

    public KubernetesCluster Cluster => _cluster ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync()
    {
        foreach (string file in Directory.EnumerateFiles(RepositoryPaths.Combine("environments"), "*", SearchOption.AllDirectories))
        {
            _root.Write(Path.Combine("environments", Path.GetRelativePath(RepositoryPaths.Combine("environments"), file)), await File.ReadAllTextAsync(file));
        }

        _root.Write("environments/rb/env.yaml", Environment.Replace("NAMESPACE", "rb-web", StringComparison.Ordinal));
        _root.Write("environments/old/env.yaml", Environment.Replace("NAMESPACE", "old-web", StringComparison.Ordinal));
        string[] images = ["registry.local/web:r-1", "registry.local/web:r-2", "registry.local/web:r-3"];
        _handle = await LocalClusterHost.StartAsync(LocalClusterStarter.OptionsFor(new LocalClusterStartRequest(new SlipwayPaths(Root).LocalCluster, images)), TestContext.Current.CancellationToken);
        _cluster = new KubernetesCluster(ClusterTarget.ForUrl(_handle.BaseAddress, _handle.KubeconfigPath));
    }

    public async Task<EnvironmentDelivery> OpenAsync(string environment, ILog log)
    {
        EnvironmentCatalog catalog = await EnvironmentCatalog.LoadAsync(Root, TestContext.Current.CancellationToken);
        var context = new DeliveryContext(Root, new DictionaryEnvironmentVariables(), TimeProvider.System, log, new LocalClusterStarter())
        {
            SyncTimeout = TimeSpan.FromSeconds(60),
        };
        return EnvironmentDelivery.Open(context, catalog, environment);
    }

    public string GitOpsRemote => new SlipwayPaths(Root).GitOpsRemote;

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
