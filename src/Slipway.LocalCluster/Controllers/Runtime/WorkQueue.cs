using System.Threading.Channels;

namespace Slipway.LocalCluster.Controllers.Runtime;

/// <summary>
/// A controller's queue of keys to reconcile, like client-go's workqueue: a key waits in the queue at most
/// once, a key added while it is being reconciled is reconciled again afterwards, and a key can be
/// scheduled for later (the earliest schedule wins).
/// </summary>
internal sealed class WorkQueue
{
    private readonly Channel<ObjectKey> _channel = Channel.CreateUnbounded<ObjectKey>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HashSet<ObjectKey> _queued = [];
    private readonly Dictionary<ObjectKey, DateTimeOffset> _scheduled = [];
    private readonly TimeProvider _clock;
    private readonly Lock _lock = new();

    public WorkQueue(TimeProvider clock)
    {
        _clock = clock;
    }

    public void Add(ObjectKey key)
    {
        lock (_lock)
        {
            if (!_queued.Add(key))
            {
                return;
            }
        }

        _channel.Writer.TryWrite(key);
    }

    public void AddAfter(ObjectKey key, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        DateTimeOffset due = _clock.GetUtcNow() + delay;
        lock (_lock)
        {
            if (_scheduled.TryGetValue(key, out DateTimeOffset existing) && existing <= due)
            {
                return;
            }

            _scheduled[key] = due;
        }

        _ = FireAsync(key, due, delay, cancellationToken);
    }

    public async ValueTask<ObjectKey> TakeAsync(CancellationToken cancellationToken)
    {
        ObjectKey key = await _channel.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            _queued.Remove(key);
        }

        return key;
    }

    private async Task FireAsync(ObjectKey key, DateTimeOffset due, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _clock, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        lock (_lock)
        {
            if (!_scheduled.TryGetValue(key, out DateTimeOffset current) || current != due)
            {
                return;
            }

            _scheduled.Remove(key);
        }

        Add(key);
    }
}
