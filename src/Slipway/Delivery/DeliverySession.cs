using Slipway.Cluster;
using Slipway.Environments.Settings;
using Slipway.GitOps;

namespace Slipway.Delivery;

/// <summary>
/// One environment's delivery within a run: the settings, and — opened on first use and closed once at the end —
/// the GitOps repository, the cluster connection and the deploy lease (taken before the first write).
/// </summary>
public sealed class DeliverySession : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private GitOpsConnection? _gitops;
    private ClusterConnection? _connection;
    private KubernetesCluster? _cluster;
    private DeployLease? _lease;

    public DeliverySession(DeliveryContext context, EnvironmentSettings settings)
    {
        Context = context;
        Settings = settings;
    }

    public DeliveryContext Context { get; }

    public EnvironmentSettings Settings { get; }

    public string Name => Settings.Name;

    /// <summary>The commit of the GitOps repository that the last step of this run pushed (or found current).</summary>
    public string? LastPushedCommit { get; internal set; }

    public async Task<GitOpsConnection> GitOpsAsync(CancellationToken cancellationToken)
        => await OnceAsync(() => _gitops, async () => _gitops = await GitOpsConnection.OpenAsync(
            Context.RootDirectory,
            Name,
            new GitOps.GitOpsSettings(Settings.GitOps.Repository, Settings.GitOps.Branch, EngineOf(Settings)),
            Context.Variables,
            Context.Log,
            Context.Time,
            cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    public async Task<KubernetesCluster> ClusterAsync(CancellationToken cancellationToken)
        => await OnceAsync(() => _cluster, async () =>
        {
            _connection = await Context.Connector.ConnectAsync(Settings, cancellationToken).ConfigureAwait(false);
            return _cluster = new KubernetesCluster(_connection.Target);
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>Takes the environment's deploy lease unless this run holds it already; a held lease refuses (exit 3).</summary>
    public async Task EnsureLeaseAsync(CancellationToken cancellationToken)
    {
        KubernetesCluster cluster = await ClusterAsync(cancellationToken).ConfigureAwait(false);
        await OnceAsync(() => _lease, async () => _lease = await DeployLease.AcquireAsync(
            cluster, cluster, Name, Context.LeaseHolder, Context.LeaseDuration, Context.Time, Context.Log, cluster.Target.KubectlArguments, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_lease is not null)
        {
            await _lease.DisposeAsync().ConfigureAwait(false);
            _lease = null;
        }

        _cluster?.Dispose();
        _cluster = null;
        if (_connection?.Owner is { } owner)
        {
            await owner.DisposeAsync().ConfigureAwait(false);
        }

        _connection = null;
        _gate.Dispose();
    }

    internal static GitOps.GitOpsEngine EngineOf(EnvironmentSettings settings)
        => settings.GitOps.Engine == Environments.Settings.GitOpsEngine.ArgoCd ? GitOps.GitOpsEngine.ArgoCd : GitOps.GitOpsEngine.Flux;

    private async Task<T> OnceAsync<T>(Func<T?> current, Func<Task<T>> create, CancellationToken cancellationToken)
        where T : class
    {
        if (current() is { } existing)
        {
            return existing;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return current() ?? await create().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
