using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Slipway.LocalCluster.Store;

public sealed partial class InMemoryResourceStore
{
    /// <summary>
    /// Streams changes newer than <paramref name="fromResourceVersion"/>. With 0 it starts, as the API server does for a watch
    /// without a resourceVersion, with an <c>Added</c> event for every existing object. A version older than the retained
    /// history (or older than the state loaded at start) fails with 410 Gone when the stream is first read.
    /// </summary>
    public IAsyncEnumerable<WatchEvent> WatchAsync(ResourceType type, string? @namespace, long fromResourceVersion, CancellationToken cancellationToken)
        => WatchAsync(type, @namespace, fromResourceVersion, new WatchProgress(null, InitialEventsEnd: false), cancellationToken);

    /// <summary>
    /// <see cref="WatchAsync(ResourceType, string?, long, CancellationToken)"/> with bookmarks (<see cref="WatchEventType.Bookmark"/>):
    /// every <see cref="WatchProgress.BookmarkInterval"/> one carrying the newest resourceVersion (queued behind every change
    /// up to it, so it never runs ahead of the stream), and with <see cref="WatchProgress.InitialEventsEnd"/> one annotated
    /// <c>k8s.io/initial-events-end: "true"</c> right after the <c>Added</c> events of a start from 0.
    /// </summary>
    public async IAsyncEnumerable<WatchEvent> WatchAsync(
        ResourceType type,
        string? @namespace,
        long fromResourceVersion,
        WatchProgress progress,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_views.TryGetValue(type, out ResourceView? view))
        {
            await foreach (WatchEvent change in WatchAsync(view.Source, @namespace, fromResourceVersion, cancellationToken).ConfigureAwait(false))
            {
                yield return change with { ResourceType = type, Object = view.ToView(change.Object) };
            }

            yield break;
        }

        var watcher = new Watcher(type, type.Namespaced ? @namespace : null);
        List<WatchEvent> backlog = [];
        lock (_lock)
        {
            if (fromResourceVersion == 0)
            {
                foreach (SortedDictionary<string, StoredObject> names in Table(type).Values)
                {
                    foreach (StoredObject stored in names.Values)
                    {
                        if (watcher.Namespace is null || stored.Namespace == watcher.Namespace)
                        {
                            backlog.Add(new WatchEvent(WatchEventType.Added, type, stored.Object, stored.ResourceVersion));
                        }
                    }
                }

                if (progress.InitialEventsEnd)
                {
                    backlog.Add(Bookmark(type, _resourceVersion, initialEventsEnd: true));
                }
            }
            else if (fromResourceVersion < _historyStart)
            {
                throw StoreException.Gone(fromResourceVersion);
            }
            else
            {
                foreach (HistoryEntry entry in _history)
                {
                    if (entry.ResourceVersion > fromResourceVersion && watcher.Matches(entry.ResourceType, entry.Namespace))
                    {
                        backlog.Add(entry.ToEvent());
                    }
                }
            }

            _watchers.Add(watcher);
        }

        using ITimer? bookmarks = progress.BookmarkInterval is TimeSpan interval
            ? _timeProvider.CreateTimer(_ => QueueBookmark(watcher), null, interval, interval)
            : null;
        try
        {
            foreach (WatchEvent change in backlog)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return Copy(change);
            }

            backlog.Clear();
            while (await watcher.Channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (watcher.Channel.Reader.TryRead(out WatchEvent? change))
                {
                    yield return Copy(change);
                }
            }
        }
        finally
        {
            lock (_lock)
            {
                _watchers.Remove(watcher);
            }
        }
    }

    /// <summary>A bookmark: the kind's identity and the resourceVersion the stream has reached, nothing else.</summary>
    private static WatchEvent Bookmark(ResourceType type, long resourceVersion, bool initialEventsEnd)
    {
        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture) };
        if (initialEventsEnd)
        {
            metadata["annotations"] = new JsonObject { [WatchProgress.InitialEventsEndAnnotation] = "true" };
        }

        return new WatchEvent(WatchEventType.Bookmark, type, new JsonObject { ["kind"] = type.Kind, ["apiVersion"] = type.ApiVersion, ["metadata"] = metadata }, resourceVersion);
    }

    /// <summary>A watcher's own copy of the object; <see cref="WatchEvent.Previous"/> stays the stored object, which its readers only read.</summary>
    private static WatchEvent Copy(WatchEvent change)
        => change with { Object = (JsonObject)change.Object.DeepClone() };

    /// <summary>Queues a bookmark behind whatever the watcher has not read yet: under the lock no change can slip in between.</summary>
    private void QueueBookmark(Watcher watcher)
    {
        lock (_lock)
        {
            watcher.Channel.Writer.TryWrite(Bookmark(watcher.Type, _resourceVersion, initialEventsEnd: false));
        }
    }

    /// <summary>
    /// Appends a change to the history (as the serialized object, <paramref name="json"/>, and the one before it) and hands it
    /// to every matching watcher; called under the lock.
    /// </summary>
    private void Record(WatchEvent change, byte[] json, byte[]? previousJson)
    {
        string? ns = Meta.Namespace(change.Object);
        _history.Enqueue(new HistoryEntry(change.Type, change.ResourceType, change.ResourceVersion, ns, json, previousJson));
        while (_history.Count > _historyCapacity)
        {
            _historyStart = _history.Dequeue().ResourceVersion;
        }

        foreach (Watcher watcher in _watchers)
        {
            if (watcher.Matches(change.ResourceType, ns))
            {
                watcher.Channel.Writer.TryWrite(change);
            }
        }
    }

    /// <summary>
    /// A past change as the watch history keeps it: the objects serialized, one array each, not their node trees. Up to
    /// <c>historyCapacity</c> (50,000) past versions are kept; as trees they were most of the live heap under load, and every
    /// garbage collection walked them (a controller waited for collections more than half its time).
    /// </summary>
    private sealed record HistoryEntry(WatchEventType Type, ResourceType ResourceType, long ResourceVersion, string? Namespace, byte[] Json, byte[]? PreviousJson)
    {
        public WatchEvent ToEvent() => new(Type, ResourceType, StoredObject.Parse(Json), ResourceVersion) { Previous = PreviousJson is null ? null : StoredObject.Parse(PreviousJson) };
    }
}
