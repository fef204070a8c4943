using k8s.Models;

namespace Slipway.Cluster;

/// <summary>
/// One deploy at a time per environment: a Lease <c>slipway-deploy-&lt;env&gt;</c> in <c>slipway-system</c>, taken before
/// the first write, renewed while the run lasts, released on success, failure and Ctrl+C. A lease whose
/// <c>renewTime + leaseDurationSeconds</c> is past, or whose holder is a process of this host that is no longer running
/// (<see cref="LeaseHolderIdentity"/>), is taken over by an update carrying the resourceVersion read.
/// </summary>
public sealed class DeployLease : IAsyncDisposable
{
    public const string Namespace = "slipway-system";

    private readonly IClusterLeases _leases;
    private readonly TimeProvider _time;
    private readonly ILog _log;
    private readonly TimeSpan _duration;
    private readonly CancellationTokenSource _stopRenewing = new();
    private readonly object _gate = new();
    private V1Lease _lease;
    private Task? _renewal;
    private bool _released;

    private DeployLease(IClusterLeases leases, V1Lease lease, TimeSpan duration, TimeProvider time, ILog log)
    {
        _leases = leases;
        _lease = lease;
        _duration = duration;
        _time = time;
        _log = log;
    }

    public string Name => _lease.Metadata.Name;

    public string Holder => _lease.Spec.HolderIdentity;

    public static string NameFor(string environment) => $"slipway-deploy-{environment}";

    /// <summary>Takes the lease or refuses (exit 3) naming the holder and when the lease expires.</summary>
    public static async Task<DeployLease> AcquireAsync(IClusterLeases leases, LeaseRequest request, CancellationToken cancellationToken)
    {
        (string environment, string holder, TimeSpan duration, string kubectlArguments) = request;
        TimeProvider time = request.Time;
        ILog log = request.Log;
        string name = NameFor(environment);
        await leases.EnsureNamespaceAsync(Namespace, cancellationToken).ConfigureAwait(false);
        for (int attempt = 0; attempt < 5; attempt++)
        {
            DateTime now = time.GetUtcNow().UtcDateTime;
            V1Lease? created = await leases.TryCreateLeaseAsync(NewLease(name, holder, duration, now), cancellationToken).ConfigureAwait(false);
            if (created is not null)
            {
                return Start(leases, created, duration, time, log);
            }

            V1Lease? existing = await leases.ReadLeaseAsync(Namespace, name, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                continue; // released between our create and read: try again
            }

            DateTime? expires = ExpiresAt(existing);
            var current = LeaseHolderIdentity.Parse(existing.Spec.HolderIdentity);
            bool live = expires is not null && expires > now && existing.Spec.HolderIdentity != holder;
            bool deadHolder = live && current.IsDeadProcessOnThisHost();
            if (live && !deadHolder)
            {
                DateTime since = existing.Spec.AcquireTime ?? existing.Metadata.CreationTimestamp ?? now;
                throw SlipwayException.Refused(
                    $"Another deploy to {environment} is running: lease {name} in namespace {Namespace} is held by {current.Text}{current.Where} "
                    + $"since {since.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z and expires at {expires:HH:mm:ss}Z unless renewed. Wait for that run to finish and try again; "
                    + $"if it is dead, the lease expires by itself (or: kubectl {kubectlArguments} -n {Namespace} delete lease {name}).");
            }

            string previous = current.Text;
            existing.Spec.HolderIdentity = holder;
            existing.Spec.AcquireTime = now;
            existing.Spec.RenewTime = now;
            existing.Spec.LeaseDurationSeconds = (int)Math.Ceiling(duration.TotalSeconds);
            existing.Spec.LeaseTransitions = (existing.Spec.LeaseTransitions ?? 0) + 1;
            V1Lease? taken = await leases.TryReplaceLeaseAsync(existing, cancellationToken).ConfigureAwait(false);
            if (taken is not null)
            {
                if (deadHolder)
                {
                    log.Warning($"Took over lease {name} from {previous}: its process {current.Pid} on this host ({current.Host}) is no longer running (the lease would have expired at {expires:HH:mm:ss}Z).");
                }
                else if (previous != holder)
                {
                    log.Warning($"Took over the expired lease {name} from {previous}.");
                }

                return Start(leases, taken, duration, time, log);
            }
        }

        throw SlipwayException.Refused($"Could not take lease {name} in namespace {Namespace}: other runs keep changing it. Try again in a minute.");
    }

    /// <summary>Stops renewing and deletes the lease (only if it is still ours). Safe to call twice.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_released)
            {
                return;
            }

            _released = true;
        }

        await _stopRenewing.CancelAsync().ConfigureAwait(false);
        if (_renewal is not null)
        {
            await _renewal.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        V1Lease lease;
        lock (_gate)
        {
            lease = _lease;
        }

        await _leases.DeleteLeaseAsync(lease, cancellationToken).ConfigureAwait(false);
        _log.Debug($"Released lease {Name}.");
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await ReleaseAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (SlipwayException ex)
        {
            _log.Warning($"Could not release lease {Name}: {ex.Message} It expires by itself after {_duration.TotalSeconds:0}s.");
        }
        finally
        {
            _stopRenewing.Dispose();
        }
    }

    internal static DateTime? ExpiresAt(V1Lease lease)
        => lease.Spec.RenewTime is { } renew && lease.Spec.LeaseDurationSeconds is { } seconds ? renew.ToUniversalTime().AddSeconds(seconds) : null;

    private static DeployLease Start(IClusterLeases leases, V1Lease lease, TimeSpan duration, TimeProvider time, ILog log)
    {
        var result = new DeployLease(leases, lease, duration, time, log);
        result._renewal = Task.Run(() => result.RenewLoopAsync(result._stopRenewing.Token));
        log.Debug($"Took lease {lease.Metadata.Name} as {lease.Spec.HolderIdentity}.");
        return result;
    }

    private async Task RenewLoopAsync(CancellationToken cancellationToken)
    {
        TimeSpan every = TimeSpan.FromTicks(Math.Max(_duration.Ticks / 3, TimeSpan.FromMilliseconds(100).Ticks));
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(every, _time, cancellationToken).ConfigureAwait(false);
            V1Lease current;
            lock (_gate)
            {
                current = _lease;
            }

            current.Spec.RenewTime = _time.GetUtcNow().UtcDateTime;
            try
            {
                V1Lease? renewed = await _leases.TryReplaceLeaseAsync(current, cancellationToken).ConfigureAwait(false);
                if (renewed is null)
                {
                    _log.Warning($"Lease {Name} was taken by another run; this run no longer holds it.");
                    return;
                }

                lock (_gate)
                {
                    _lease = renewed;
                }
            }
            catch (SlipwayException ex)
            {
                _log.Warning($"Could not renew lease {Name}: {ex.Message}");
            }
        }
    }

    private static V1Lease NewLease(string name, string holder, TimeSpan duration, DateTime now) => new()
    {
        ApiVersion = "coordination.k8s.io/v1",
        Kind = "Lease",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace, Labels = new Dictionary<string, string> { ["app.kubernetes.io/managed-by"] = "slipway" } },
        Spec = new V1LeaseSpec
        {
            HolderIdentity = holder,
            LeaseDurationSeconds = (int)Math.Ceiling(duration.TotalSeconds),
            AcquireTime = now,
            RenewTime = now,
            LeaseTransitions = 0,
        },
    };
}
