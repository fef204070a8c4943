namespace Slipway.Cluster.Connection;

/// <summary>
/// Connects to an environment's cluster: a kubeconfig environment gets a KubernetesClient target for that file and
/// context; a local one starts (or joins) its own embedded cluster through the <see cref="ILocalClusterStarter"/> the
/// build supplies: one cluster per environment, with its state under <see cref="SlipwayPaths.LocalCluster"/>/&lt;env&gt;
/// and its context <c>slipway-&lt;env&gt;</c>, so no environment's run ever reads or writes another's objects.
/// </summary>
public sealed class ClusterConnector
{
    private readonly SlipwayPaths _paths;
    private readonly ILocalClusterStarter? _localClusters;

    public ClusterConnector(SlipwayPaths paths, ILocalClusterStarter? localClusters)
    {
        _paths = paths;
        _localClusters = localClusters;
    }

    public async Task<ClusterConnection> ConnectAsync(ClusterOptions options, CancellationToken cancellationToken)
    {
        if (!options.Local)
        {
            string kubeconfig = options.Kubeconfig
                ?? throw SlipwayException.Input($"Environment {options.Environment} names no cluster: set cluster.local: true or cluster.kubeconfig (and context) in environments/{options.Environment}/env.yaml.");
            return new ClusterConnection(ClusterTarget.ForKubeconfig(kubeconfig, options.Context));
        }

        ILocalClusterStarter starter = _localClusters
            ?? throw new InvalidOperationException($"Environment {options.Environment} runs on the local cluster, but this run was given no local cluster starter.");
        StartedLocalCluster started = await starter.StartAsync(new LocalClusterStartRequest(_paths.LocalCluster, options.Environment, options.SeedImages), cancellationToken).ConfigureAwait(false);
        string kubeconfigPath = Path.GetRelativePath(_paths.RootDirectory, started.KubeconfigPath);
        return new ClusterConnection(ClusterTarget.ForUrl(started.BaseAddress, kubeconfigPath, started.Context), started.Owner);
    }
}
