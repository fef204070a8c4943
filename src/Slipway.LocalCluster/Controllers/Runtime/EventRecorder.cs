using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Controllers.Runtime;

/// <summary>
/// Writes <c>core/v1</c> Events for the local cluster's controllers, as client-go's event recorder does: one Event per
/// object, type, reason, message and source, and a repeat of the same one raises its <c>count</c> and
/// <c>lastTimestamp</c> instead of writing another. One recorder per store (all controllers share it, so repeats
/// aggregate across them); Events older than <see cref="TimeToLive"/> are deleted at most once per
/// <see cref="ExpiryInterval"/>, as the API server's event TTL does (looking through every Event after a fixed number of
/// records made a burst of pod starts quadratic). Writing an Event never fails the caller.
/// </summary>
internal sealed class EventRecorder
{
    /// <summary>How long an Event is kept after it last happened (the API server's default <c>--event-ttl</c>).</summary>
    public static readonly TimeSpan TimeToLive = TimeSpan.FromHours(1);

    /// <summary>How often the recorder looks for expired Events (on the next record after it has passed).</summary>
    public static readonly TimeSpan ExpiryInterval = TimeSpan.FromMinutes(1);

    private const int AggregationCapacity = 4096;
    private static readonly ConditionalWeakTable<IResourceStore, EventRecorder> s_recorders = [];
    private readonly Lock _lock = new();
    private readonly Dictionary<EventKey, (string Namespace, string Name)> _written = [];
    private readonly IResourceStore _store;
    private readonly ResourceType _eventType;
    private readonly TimeProvider _clock;
    private long _sequence;
    private DateTimeOffset _nextExpiry = DateTimeOffset.MinValue;

    private EventRecorder(IResourceStore store, TimeProvider clock)
    {
        _store = store;
        _clock = clock;
        _eventType = store.FindTypeByKind("v1", "Event") ?? throw new InvalidOperationException("The store does not serve Event (v1); the controllers need it.");
    }

    /// <summary>The recorder of <paramref name="store"/> (created with <paramref name="clock"/> on first use).</summary>
    public static EventRecorder For(IResourceStore store, TimeProvider clock) => s_recorders.GetValue(store, s => new EventRecorder(s, clock));

    public void Normal(JsonObject involved, string reason, string message, EventSource source, string? fieldPath = null)
        => Record(involved, "Normal", reason, message, source, fieldPath);

    public void Warning(JsonObject involved, string reason, string message, EventSource source, string? fieldPath = null)
        => Record(involved, "Warning", reason, message, source, fieldPath);

    /// <summary>Writes (or counts again) one Event about <paramref name="involved"/>.</summary>
    public void Record(JsonObject involved, string type, string reason, string message, EventSource source, string? fieldPath = null)
    {
        string name = involved.Str("metadata", "name") ?? string.Empty;
        string ns = involved.Str("metadata", "namespace") ?? "default";
        var key = new EventKey(involved.Str("metadata", "uid") ?? $"{ns}/{name}", type, reason, message, source, fieldPath);
        DateTimeOffset now = _clock.GetUtcNow();
        lock (_lock)
        {
            try
            {
                if (!_written.TryGetValue(key, out (string Namespace, string Name) existing) || !CountAgain(existing.Namespace, existing.Name, now))
                {
                    if (_written.Count >= AggregationCapacity)
                    {
                        _written.Clear();
                    }

                    JsonObject created = _store.Create(_eventType, ns, NewEvent(involved, ns, name, key, now));
                    _written[key] = (ns, created.Str("metadata", "name") ?? string.Empty);
                }

                if (now >= _nextExpiry)
                {
                    _nextExpiry = now + ExpiryInterval;
                    DeleteExpired(now);
                }
            }
            catch (StoreException)
            {
                // An Event that cannot be written (its namespace is being deleted, say) is dropped, as client-go drops it.
            }
        }
    }

    private bool CountAgain(string ns, string name, DateTimeOffset now)
    {
        if (_store.Get(_eventType, ns, name) is not JsonObject existing)
        {
            return false;
        }

        existing["count"] = (existing.Long("count") ?? 1) + 1;
        existing["lastTimestamp"] = Time.Format(now);
        _store.Update(_eventType, ns, existing, statusOnly: false);
        return true;
    }

    private JsonObject NewEvent(JsonObject involved, string ns, string name, EventKey key, DateTimeOffset now)
    {
        var reference = new JsonObject
        {
            ["kind"] = involved.Str("kind"),
            ["namespace"] = involved.Str("metadata", "namespace"),
            ["name"] = name,
            ["uid"] = involved.Str("metadata", "uid"),
            ["apiVersion"] = involved.Str("apiVersion"),
            ["resourceVersion"] = involved.Str("metadata", "resourceVersion"),
        };
        if (key.FieldPath is not null)
        {
            reference["fieldPath"] = key.FieldPath;
        }

        foreach (string absent in reference.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            reference.Remove(absent);
        }

        var source = new JsonObject { ["component"] = key.Source.Component };
        if (key.Source.Host is not null)
        {
            source["host"] = key.Source.Host;
        }

        string stamp = (now.ToUnixTimeMilliseconds() * 1_000_000 + (++_sequence % 1_000_000)).ToString("x", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Event",
            ["metadata"] = new JsonObject { ["name"] = $"{name}.{stamp}", ["namespace"] = ns },
            ["involvedObject"] = reference,
            ["reason"] = key.Reason,
            ["message"] = key.Message,
            ["source"] = source,
            ["firstTimestamp"] = Time.Format(now),
            ["lastTimestamp"] = Time.Format(now),
            ["count"] = 1,
            ["type"] = key.Type,
            ["eventTime"] = null,
            ["reportingComponent"] = key.Source.Component,
            ["reportingInstance"] = key.Source.Host ?? string.Empty,
        };
    }

    private void DeleteExpired(DateTimeOffset now)
    {
        foreach (JsonObject stale in _store.List(_eventType, null).Where(e => now - (Time.Parse(e.Str("lastTimestamp")) ?? now) > TimeToLive))
        {
            try
            {
                _store.Delete(_eventType, stale.Str("metadata", "namespace"), stale.Str("metadata", "name") ?? string.Empty);
            }
            catch (StoreException gone) when (gone.Code == 404)
            {
            }
        }
    }

    private sealed record EventKey(string Uid, string Type, string Reason, string Message, EventSource Source, string? FieldPath);
}
