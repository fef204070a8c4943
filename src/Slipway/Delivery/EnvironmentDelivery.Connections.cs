using Slipway.Cluster;
using Slipway.Cluster.Connection;
using Slipway.GitOps;
using Slipway.GitOps.Git;

namespace Slipway.Delivery;

/// <summary>The lazily opened GitOps repository, cluster connection and deploy lease.</summary>
public sealed partial class EnvironmentDelivery
{
    /// <summary>
    /// The GitOps repository and the environment as its manifests see it. <c>repository: local</c> becomes the bare
    /// repository <see cref="SlipwayPaths.GitOpsRemote"/> (created on first use); the clone lives in
    /// <see cref="SlipwayPaths.GitOpsWorkDirectory"/>.
    /// </summary>
    private async Task<(IGitOpsRepository Repository, GitOpsEnvironment Environment)> GitOpsAsync(CancellationToken cancellationToken)
    {
        await OnceAsync(() => _repository, OpenRepositoryAsync, cancellationToken).ConfigureAwait(false);
        return (_repository!, _gitops!);

        async Task<IGitOpsRepository> OpenRepositoryAsync()
        {
            KubernetesNames.Require(Name, "environment");
            string remote = _settings.GitOps.Repository;
            if (_settings.GitOps.IsLocal)
            {
                bool existed = LocalGitOpsRemote.Exists(_context.Paths.GitOpsRemote);
                remote = await LocalGitOpsRemote.EnsureAsync(_context.Paths.GitOpsRemote, _settings.GitOps.Branch, cancellationToken, _context.Time).ConfigureAwait(false);
                if (!existed)
                {
                    _context.Log.Warning(LocalGitOpsRemote.CreatedWarning(remote, Path.GetFullPath(_context.Paths.GitOpsWorkDirectory), _settings.GitOps.Branch, Name));
                }
            }
            else
            {
                LocalGitOpsRemote.RequireExistingPath(remote, Name);
            }

            _gitops = new GitOpsEnvironment(Name, Engine, remote, _settings.GitOps.Branch) { Path = ClusterPath };
            var options = new GitOpsRepositoryOptions(remote, _settings.GitOps.Branch, _context.Paths.GitOpsWorkDirectory) { Token = _context.GitOpsToken };
            return _repository = GitOpsRepository.Open(options, _context.Variables, _context.Log, _context.Time);
        }
    }

    private async Task<KubernetesCluster> ClusterAsync(CancellationToken cancellationToken)
        => await OnceAsync(() => _cluster, async () =>
        {
            var connector = new ClusterConnector(_context.Paths, _context.LocalClusters);
            _connection = await connector.ConnectAsync(ClusterOptions(), cancellationToken).ConfigureAwait(false);
            return _cluster = new KubernetesCluster(_connection.Target, log: _context.Log);
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>Takes the environment's deploy lease unless this run holds it already; a held lease refuses (exit 3).</summary>
    private async Task EnsureLeaseAsync(CancellationToken cancellationToken)
    {
        KubernetesCluster cluster = await ClusterAsync(cancellationToken).ConfigureAwait(false);
        var request = new LeaseRequest(Name, _context.LeaseHolder, _context.LeaseDuration, cluster.Target.KubectlArguments)
        {
            Time = _context.Time,
            Log = _context.Log,
        };
        await OnceAsync(() => _lease, async () => _lease = await DeployLease.AcquireAsync(cluster, request, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }
}
