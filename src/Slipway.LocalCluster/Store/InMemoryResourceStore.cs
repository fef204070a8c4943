using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Slipway.LocalCluster.Store.Schema;

namespace Slipway.LocalCluster.Store;

/// <summary>
/// The store of the local cluster: every object in memory behind one lock, a monotonic resourceVersion,
/// a bounded history of changes for watches, and deep copies in and out. Deleting a namespace deletes what is
/// in it; deleting an object deletes the objects whose <c>ownerReferences</c> name its uid (as the garbage
/// collector does, in the background-propagation way). There are no finalizers: deletes are immediate, except that a
/// namespace is first seen (by watches) as <c>Terminating</c> while its contents go. Objects are defaulted as the real
/// API server defaults them (<see cref="ObjectDefaults"/>).
/// </summary>
public sealed partial class InMemoryResourceStore : IResourceStore
{
    /// <summary>How many changes a watch can replay by default.</summary>
    public const int DefaultHistoryCapacity = 50_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<ResourceType, SortedDictionary<string, SortedDictionary<string, StoredObject>>> _tables = [];
    private readonly Dictionary<ResourceType, ResourceView> _views = [];
    private readonly ConcurrentDictionary<(string ApiVersion, string Kind), ResourceType> _byKind = [];
    private readonly ConcurrentDictionary<(string Group, string Version, string Plural), ResourceType> _byPlural = [];
    private readonly Queue<HistoryEntry> _history = new();
    private readonly List<Watcher> _watchers = [];
    private readonly Dictionary<string, HashSet<(ResourceType Type, string Namespace, string Name)>> _dependents = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private readonly int _historyCapacity;
    private volatile ResourceType[] _types = [];
    private long _resourceVersion;
    private long _historyStart;

    /// <summary>A store serving <see cref="KnownResourceTypes.All"/>, with the initial namespaces.</summary>
    public InMemoryResourceStore(TimeProvider? timeProvider = null)
        : this(KnownResourceTypes.All, timeProvider ?? TimeProvider.System, DefaultHistoryCapacity, createInitialNamespaces: true)
    {
    }

    public InMemoryResourceStore(IReadOnlyList<ResourceType> types, TimeProvider timeProvider, int historyCapacity, bool createInitialNamespaces)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(historyCapacity, 1);
        Schemas = new KindSchemas(types);
        _timeProvider = timeProvider;
        _historyCapacity = historyCapacity;
        foreach (ResourceType type in types)
        {
            if (KnownResourceTypes.Views.TryGetValue(type, out ResourceView? view) && types.Contains(view.Source))
            {
                _views[type] = view;
                _byKind[(type.ApiVersion, type.Kind)] = type;
                _byPlural[(type.Group, type.Version, type.Plural)] = type;
                _types = [.. _types, type];
            }
            else
            {
                ServeLocked(type);
            }
        }

        if (createInitialNamespaces && _byKind.TryGetValue(("v1", "Namespace"), out ResourceType? namespaceType))
        {
            foreach (string name in KnownResourceTypes.InitialNamespaces)
            {
                Create(namespaceType, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = name } });
            }

            EnsureDefinitions();
        }
    }

    /// <summary>Every kind served now: those given at construction, then those of CustomResourceDefinitions created since.</summary>
    public IReadOnlyList<ResourceType> Types => _types;

    /// <summary>The schema of every kind served: OpenAPI, field validation, merge keys and field ownership read it.</summary>
    public KindSchemas Schemas { get; }

    public long CurrentResourceVersion
    {
        get
        {
            lock (_lock)
            {
                return _resourceVersion;
            }
        }
    }

    public ResourceType? FindType(string group, string version, string plural)
        => _byPlural.GetValueOrDefault((group, version, plural));

    public ResourceType? FindTypeByKind(string apiVersion, string kind)
        => _byKind.GetValueOrDefault((apiVersion, kind));

    public JsonObject? Get(ResourceType type, string? @namespace, string name)
        => GetStored(type, @namespace, name)?.Clone();

    public IReadOnlyList<JsonObject> List(ResourceType type, string? @namespace)
    {
        StoredObject[] stored = ListStored(type, @namespace, out _);
        var result = new JsonObject[stored.Length];
        for (int i = 0; i < stored.Length; i++)
        {
            result[i] = stored[i].Clone();
        }

        return result;
    }

    /// <summary>The stored object without copying (the HTTP layer serializes it directly).</summary>
    internal StoredObject? GetStored(ResourceType type, string? @namespace, string name)
    {
        if (_views.TryGetValue(type, out ResourceView? view))
        {
            return GetStored(view.Source, @namespace, name) is StoredObject source ? Shown(type, view, source) : null;
        }

        string ns = NamespaceKey(type, @namespace);
        lock (_lock)
        {
            return Table(type).TryGetValue(ns, out SortedDictionary<string, StoredObject>? names) && names.TryGetValue(name, out StoredObject? stored)
                ? stored
                : null;
        }
    }

    /// <summary>A consistent snapshot of one kind (ordered by namespace then name) and the resourceVersion it was taken at.</summary>
    internal StoredObject[] ListStored(ResourceType type, string? @namespace, out long resourceVersion)
    {
        if (_views.TryGetValue(type, out ResourceView? view))
        {
            return [.. ListStored(view.Source, @namespace, out resourceVersion).Select(source => Shown(type, view, source))];
        }

        lock (_lock)
        {
            resourceVersion = _resourceVersion;
            SortedDictionary<string, SortedDictionary<string, StoredObject>> table = Table(type);
            if (@namespace is not null && type.Namespaced)
            {
                return table.TryGetValue(@namespace, out SortedDictionary<string, StoredObject>? names) ? [.. names.Values] : [];
            }

            int count = 0;
            foreach (SortedDictionary<string, StoredObject> names in table.Values)
            {
                count += names.Count;
            }

            var result = new StoredObject[count];
            int index = 0;
            foreach (SortedDictionary<string, StoredObject> names in table.Values)
            {
                names.Values.CopyTo(result, index);
                index += names.Count;
            }

            return result;
        }
    }

    private SortedDictionary<string, SortedDictionary<string, StoredObject>> Table(ResourceType type)
        => _tables.TryGetValue(type, out SortedDictionary<string, SortedDictionary<string, StoredObject>>? table)
            ? table
            : throw new StoreException(404, "NotFound", $"the server could not find the requested resource ({type.Plural}.{type.Group})");

    private static string NamespaceKey(ResourceType type, string? @namespace) => type.Namespaced ? @namespace ?? "default" : "";

    private sealed class Watcher(ResourceType type, string? @namespace)
    {
        public ResourceType Type { get; } = type;

        public string? Namespace { get; } = @namespace;

        public Channel<WatchEvent> Channel { get; } = System.Threading.Channels.Channel.CreateUnbounded<WatchEvent>(new UnboundedChannelOptions { SingleReader = true });

        public bool Matches(ResourceType type, string? @namespace)
            => type == Type && (Namespace is null || !Type.Namespaced || @namespace == Namespace);
    }
}
