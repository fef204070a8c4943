using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Controllers.Runtime;

/// <summary>
/// The informer-and-workqueue loop every controller of the local cluster runs on: it lists and then watches its
/// primary kind (and the kinds it owns or depends on, mapped back to primary keys), resyncs every object
/// periodically, and reconciles one key at a time. A reconcile may ask to be called again after a delay. A
/// conflict (someone wrote in between) retries at once; any other failure is logged and retried with backoff.
/// </summary>
internal abstract class ReconcilingController : IClusterController
{
    private static readonly TimeSpan s_maxBackoff = TimeSpan.FromSeconds(30);
    private readonly Dictionary<ObjectKey, int> _failures = [];
    private readonly Dictionary<ObjectKey, JsonObject> _tombstones = [];
    private readonly Lock _tombstoneLock = new();

    protected ReconcilingController(ControllerContext context)
    {
        Context = context;
        Store = context.Store.AsFieldManager(FieldManagers.ForController(GetType().Name));
        Queue = new WorkQueue(context.Clock);
    }

    protected ControllerContext Context { get; }

    /// <summary>The store, with this controller's writes recorded under its field manager (<see cref="FieldManagers.ForController"/>).</summary>
    protected IResourceStore Store { get; }

    protected Kinds Kinds => Context.Kinds;

    protected WorkQueue Queue { get; }

    protected abstract ResourceType PrimaryType { get; }

    /// <summary>Other kinds whose changes matter, with the primary keys each change concerns.</summary>
    protected virtual IEnumerable<(ResourceType Type, Func<WatchEvent, IEnumerable<ObjectKey>> Map)> Secondaries => [];

    /// <summary>
    /// The component that reports the primary objects' Ready condition as Events (Flux controllers do: the condition's
    /// reason and message, Warning when it turns False), or null for none. The Event is written before the status, so
    /// whoever sees the status can find it.
    /// </summary>
    protected virtual EventSource? ReadyEventSource => null;

    /// <summary>Keys reconciled once at start even when no object exists yet.</summary>
    protected virtual IEnumerable<ObjectKey> InitialKeys => [];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var tasks = new List<Task>
        {
            InformAsync(PrimaryType, Primary, cancellationToken),
            ResyncAsync(cancellationToken),
            WorkAsync(cancellationToken),
        };
        tasks.AddRange(Secondaries.Select(s => InformAsync(s.Type, s.Map, cancellationToken)));
        foreach (ObjectKey key in InitialKeys)
        {
            Queue.Add(key);
        }

        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Brings the object named by <paramref name="key"/> (which may be gone) to its desired state.</summary>
    /// <returns>When to reconcile it again without any change, or null.</returns>
    protected abstract Task<TimeSpan?> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="status"/> as the status of <paramref name="obj"/> when it differs from <paramref name="before"/>,
    /// and does nothing when nothing changed (no new resourceVersion, no watch event).
    /// </summary>
    protected void UpdateStatusIfChanged(ResourceType type, string? ns, JsonObject obj, JsonObject before, JsonObject status)
    {
        if (!JsonNode.DeepEquals(before, status))
        {
            RecordReadyChange(obj, before, status);
            obj["status"] = status;
            Store.Update(type, ns, obj, statusOnly: true);
        }
    }

    private void RecordReadyChange(JsonObject obj, JsonObject before, JsonObject status)
    {
        if (ReadyEventSource is not EventSource source || Conditions.Find(status, "Ready") is not JsonObject ready)
        {
            return;
        }

        JsonObject? previous = Conditions.Find(before, "Ready");
        string? reason = ready.Str("reason");
        string? message = ready.Str("message");
        string? value = ready.Str("status");
        if (reason is null || value == "Unknown" || (previous?.Str("reason") == reason && previous.Str("message") == message && previous.Str("status") == value))
        {
            return;
        }

        Context.Events.Record(obj, value == "False" ? "Warning" : "Normal", reason, message ?? string.Empty, source);
    }

    /// <summary>
    /// The object as it was when deleted, if the watch reported its deletion since the last call (the store has no
    /// finalizers, so this is how a controller cleans up after a deleted object).
    /// </summary>
    protected JsonObject? TakeTombstone(ObjectKey key)
    {
        lock (_tombstoneLock)
        {
            return _tombstones.Remove(key, out JsonObject? last) ? last : null;
        }
    }

    private IEnumerable<ObjectKey> Primary(WatchEvent change)
    {
        ObjectKey key = ObjectKey.Of(change.Object);
        lock (_tombstoneLock)
        {
            if (change.Type == WatchEventType.Deleted)
            {
                _tombstones[key] = change.Object;
            }
            else
            {
                _tombstones.Remove(key);
            }
        }

        return [key];
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            ObjectKey key = await Queue.TakeAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                TimeSpan? again = await ReconcileAsync(key, cancellationToken).ConfigureAwait(false);
                _failures.Remove(key);
                if (again is TimeSpan delay)
                {
                    Queue.AddAfter(key, delay, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (StoreException conflict) when (conflict.Code == 409)
            {
                Queue.AddAfter(key, TimeSpan.FromMilliseconds(5), cancellationToken);
            }
            catch (Exception failure)
            {
                int count = _failures[key] = _failures.GetValueOrDefault(key) + 1;
                TimeSpan backoff = TimeSpan.FromMilliseconds(Math.Min(s_maxBackoff.TotalMilliseconds, 100 * Math.Pow(2, count - 1)));
                Context.Log.LogWarning(failure, "local cluster: reconciling {Kind} {Key} failed, retrying in {Backoff}", PrimaryType.Kind, key, backoff);
                Queue.AddAfter(key, backoff, cancellationToken);
            }
        }
    }

    private async Task InformAsync(ResourceType type, Func<WatchEvent, IEnumerable<ObjectKey>> map, CancellationToken cancellationToken)
    {
        while (true)
        {
            long from = Store.CurrentResourceVersion;
            foreach (var obj in Store.List(type, null))
            {
                Enqueue(map, new WatchEvent(WatchEventType.Added, type, obj, from));
            }

            try
            {
                await foreach (WatchEvent change in Store.WatchAsync(type, null, from, cancellationToken).ConfigureAwait(false))
                {
                    Enqueue(map, change);
                }
            }
            catch (StoreException gone) when (gone.Code == 410)
            {
                continue;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), Context.Clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Enqueue(Func<WatchEvent, IEnumerable<ObjectKey>> map, WatchEvent change)
    {
        foreach (ObjectKey key in map(change))
        {
            Queue.Add(key);
        }
    }

    private async Task ResyncAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(Context.Options.ResyncPeriod, Context.Clock, cancellationToken).ConfigureAwait(false);
            foreach (var obj in Store.List(PrimaryType, null))
            {
                Queue.Add(ObjectKey.Of(obj));
            }
        }
    }
}
