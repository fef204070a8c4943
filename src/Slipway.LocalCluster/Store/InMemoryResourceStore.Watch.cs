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
    public async IAsyncEnumerable<WatchEvent> WatchAsync(
        ResourceType type,
        string? @namespace,
        long fromResourceVersion,
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
            }
            else if (fromResourceVersion < _historyStart)
            {
                throw StoreException.Gone(fromResourceVersion);
            }
            else
            {
                foreach (WatchEvent change in _history)
                {
                    if (change.ResourceVersion > fromResourceVersion && watcher.Matches(change))
                    {
                        backlog.Add(change);
                    }
                }
            }

            _watchers.Add(watcher);
        }

        try
        {
            foreach (WatchEvent change in backlog)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return change with { Object = (JsonObject)change.Object.DeepClone() };
            }

            backlog.Clear();
            while (await watcher.Channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (watcher.Channel.Reader.TryRead(out WatchEvent? change))
                {
                    yield return change with { Object = (JsonObject)change.Object.DeepClone() };
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

    /// <summary>Appends a change to the history and hands it to every matching watcher; called under the lock.</summary>
    private void Record(WatchEvent change)
    {
        _history.Enqueue(change);
        while (_history.Count > _historyCapacity)
        {
            _historyStart = _history.Dequeue().ResourceVersion;
        }

        foreach (Watcher watcher in _watchers)
        {
            if (watcher.Matches(change))
            {
                watcher.Channel.Writer.TryWrite(change);
            }
        }
    }
}
