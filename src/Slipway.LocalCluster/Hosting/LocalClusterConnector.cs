using Slipway.Cluster;
using Slipway.Delivery;
using Slipway.Environments.Settings;
using Slipway.LocalCluster.Controllers;

namespace Slipway.LocalCluster.Hosting;

/// <summary>
/// Connects a delivery to its environment's cluster: <c>cluster: { local: true }</c> starts the embedded cluster in this
/// process (or joins the one <c>./build.sh LocalCluster</c> serves), with every controller running; a kubeconfig
/// environment gets a KubernetesClient target for that file and context, unchanged.
/// </summary>
public sealed class LocalClusterConnector : IClusterConnector
{
    private readonly string _rootDirectory;
    private readonly Func<LocalClusterOptions, LocalClusterOptions> _configure;

    public LocalClusterConnector(string rootDirectory, Func<LocalClusterOptions, LocalClusterOptions>? configure = null)
    {
        _rootDirectory = rootDirectory;
        _configure = configure ?? (static o => o);
    }

    public static string StateDirectory(string rootDirectory) => Path.Combine(rootDirectory, ".nuke", "temp", "local-cluster");

    /// <summary>The options of the repository's local cluster: state under .nuke/temp, every controller, the sample images seeded.</summary>
    public static LocalClusterOptions OptionsFor(string rootDirectory, IEnumerable<string> seedImages) => new()
    {
        StateDirectory = StateDirectory(rootDirectory),
        Controllers = LocalClusterControllers.All,
        SeedImages = seedImages.ToList(),
    };

    public async Task<ClusterConnection> ConnectAsync(EnvironmentSettings environment, CancellationToken cancellationToken)
    {
        if (!environment.Cluster.Local)
        {
            string kubeconfig = environment.Cluster.Kubeconfig
                ?? throw SlipwayException.Input($"Environment {environment.Name} names no cluster: set cluster.local: true or cluster.kubeconfig (and context) in environments/{environment.Name}/env.yaml.");
            return new ClusterConnection(ClusterTarget.ForKubeconfig(kubeconfig, environment.Cluster.Context));
        }

        IReadOnlyList<string> seed = await LocalImages.FromEnvironmentsAsync(_rootDirectory, cancellationToken).ConfigureAwait(false);
        LocalClusterOptions options = _configure(OptionsFor(_rootDirectory, seed));
        LocalClusterHandle handle = await LocalClusterHost.StartAsync(options, cancellationToken).ConfigureAwait(false);
        string kubeconfigPath = Path.GetRelativePath(_rootDirectory, handle.KubeconfigPath);
        return new ClusterConnection(ClusterTarget.ForUrl(handle.BaseAddress, kubeconfigPath), handle);
    }
}
