using Slipway.Cluster;
using Slipway.Cluster.Connection;
using Slipway.Environments;
using Slipway.Environments.Settings;
using Slipway.GitOps;
using Slipway.GitOps.Git;

namespace Slipway.Delivery;

/// <summary>
/// One environment's delivery within a run: what the infrastructure, deploy, verify and status targets call. It maps the
/// environment's settings to each domain's options once, and owns — opened on first use, closed once at the end — the
/// GitOps repository, the cluster connection and the deploy lease (taken before the first write).
/// </summary>
public sealed partial class EnvironmentDelivery : IAsyncDisposable
{
    private readonly DeliveryContext _context;
    private readonly EnvironmentCatalog _catalog;
    private readonly EnvironmentSettings _settings;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IGitOpsRepository? _repository;
    private GitOpsEnvironment? _gitops;
    private bool _releaseLogChecked;
    private ClusterConnection? _connection;
    private KubernetesCluster? _cluster;
    private DeployLease? _lease;

    /// <summary>The commit of the GitOps repository that the last step of this run pushed (or found current).</summary>
    private string? _lastPushedCommit;

    /// <summary>The rollback this run wrote, until its release is recorded.</summary>
    private Rollback.RollbackPlan? _lastRollback;

    private EnvironmentDelivery(DeliveryContext context, EnvironmentCatalog catalog, EnvironmentSettings settings)
    {
        _context = context;
        _catalog = catalog;
        _settings = settings;
    }

    public string Name => _settings.Name;

    /// <summary>
    /// Validates <paramref name="environment"/> in the run's <paramref name="catalog"/> (errors throw, exit 2) and returns
    /// its delivery; nothing is opened yet.
    /// </summary>
    public static EnvironmentDelivery Open(DeliveryContext context, EnvironmentCatalog catalog, string environment)
        => new(context, catalog, EnvironmentSettings.Load(catalog, environment));

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
        _repository = null;
        _gate.Dispose();
    }

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
