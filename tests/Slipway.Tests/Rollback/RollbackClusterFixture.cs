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
/// <c>rb</c> and <c>old</c> (web at r-1, no infrastructure), <c>stop</c> (two replicas), <c>auto</c> (<c>rollback.auto: true</c>) and
/// <c>argostop</c> (Argo CD), for deliveries that deploy, roll back, stop and resume.
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

    /// <summary>The environments of the fixture, each with its own local cluster (started here, so deliveries join them).</summary>
    public static readonly IReadOnlyList<string> Environments = ["rb", "old", "stop", "auto", "argostop"];

    private readonly TempDirectory _root = new("slipway-rollback");
    private readonly Dictionary<string, (LocalClusterHandle Handle, KubernetesCluster Cluster)> _clusters = new(StringComparer.Ordinal);

    public string Root => _root.Path;

    /// <summary>The local cluster of <paramref name="environment"/> (one of <see cref="Environments"/>).</summary>
    public KubernetesCluster ClusterFor(string environment) => _clusters.TryGetValue(environment, out var started) ? started.Cluster : throw new InvalidOperationException($"no cluster for {environment}");

    public async ValueTask InitializeAsync()
    {
        // The environments, and the chart mirror the local cluster serves the platform charts from (found above its state).
        foreach (string folder in new[] { "environments", Path.Combine("local-cluster", "charts") })
        {
            foreach (string file in Directory.EnumerateFiles(RepositoryPaths.Combine(folder), "*", SearchOption.AllDirectories))
            {
                _root.Write(Path.Combine(folder, Path.GetRelativePath(RepositoryPaths.Combine(folder), file)), await File.ReadAllTextAsync(file));
            }
        }

        _root.Write("environments/rb/env.yaml", Environment.Replace("NAMESPACE", "rb-web", StringComparison.Ordinal));
        _root.Write("environments/old/env.yaml", Environment.Replace("NAMESPACE", "old-web", StringComparison.Ordinal));
        _root.Write("environments/stop/env.yaml", Environment.Replace("NAMESPACE", "stop-web", StringComparison.Ordinal).Replace("replicas: 1", "replicas: 2", StringComparison.Ordinal));
        _root.Write("environments/auto/env.yaml", Environment.Replace("NAMESPACE", "auto-web", StringComparison.Ordinal) + "rollback:\n  auto: true\n");
        _root.Write("environments/argostop/env.yaml", Environment.Replace("NAMESPACE", "argostop-web", StringComparison.Ordinal).Replace("cluster:", "gitops:\n  engine: argocd\ncluster:", StringComparison.Ordinal));
        foreach (string environment in Environments)
        {
            await StartClusterAsync(environment);
        }
    }

    private async Task StartClusterAsync(string environment)
    {
        string[] images = ["registry.local/web:r-1", "registry.local/web:r-2", "registry.local/web:r-3"];
        var request = new LocalClusterStartRequest(new SlipwayPaths(Root).LocalCluster, environment, images);
        LocalClusterHandle handle = await LocalClusterHost.StartAsync(LocalClusterStarter.OptionsFor(request), TestContext.Current.CancellationToken);
        _clusters[environment] = (handle, new KubernetesCluster(ClusterTarget.ForUrl(handle.BaseAddress, handle.KubeconfigPath, handle.ContextName)));
    }

    public Task<EnvironmentDelivery> OpenAsync(string environment, ILog log) => OpenAsync(environment, log, new Dictionary<string, string>());

    /// <summary>The delivery of <paramref name="environment"/>, with <paramref name="variables"/> as the process environment (e.g. a short Verify fail-fast).</summary>
    public async Task<EnvironmentDelivery> OpenAsync(string environment, ILog log, IDictionary<string, string> variables)
    {
        EnvironmentCatalog catalog = await EnvironmentCatalog.LoadAsync(Root, TestContext.Current.CancellationToken);
        var context = new DeliveryContext(Root, new DictionaryEnvironmentVariables(variables), TimeProvider.System, log, new LocalClusterStarter())
        {
            SyncTimeout = TimeSpan.FromSeconds(60),
        };
        return EnvironmentDelivery.Open(context, catalog, environment);
    }

    public string GitOpsRemote => new SlipwayPaths(Root).GitOpsRemote;

    /// <summary>
    /// Adds the environment <paramref name="name"/> (web at <paramref name="tag"/> in namespace <c>&lt;name&gt;-web</c>, then
    /// <paramref name="extra"/> YAML) after the fixture started, and starts its own local cluster (<see cref="ClusterFor"/>);
    /// the next delivery opened loads it. Returns the name.
    /// </summary>
    public async Task<string> AddEnvironmentAsync(string name, string tag, string extra)
    {
        _root.Write($"environments/{name}/env.yaml", Environment.Replace("NAMESPACE", $"{name}-web", StringComparison.Ordinal).Replace("tag: r-1", $"tag: {tag}", StringComparison.Ordinal) + extra);
        await StartClusterAsync(name);
        return name;
    }

    /// <summary>The image catalogue the running cluster reads (what <c>./build.sh PublishImage</c> adds to).</summary>
    public string ImageCatalogPath => _clusters.Values.FirstOrDefault().Handle?.Images.Path ?? throw new InvalidOperationException("not started");

    public async ValueTask DisposeAsync()
    {
        foreach ((LocalClusterHandle handle, KubernetesCluster cluster) in _clusters.Values)
        {
            cluster.Dispose();
            await handle.DisposeAsync();
        }

        _root.Dispose();
    }
}
