using System.Text.Json.Nodes;

namespace Slipway.LocalCluster.Store;

/// <summary>The store seen by one field manager: reads as the store, writes recorded under that manager's name in managedFields.</summary>
internal sealed class FieldManagerStore(InMemoryResourceStore store, string fieldManager) : IResourceStore
{
    public IReadOnlyList<ResourceType> Types => store.Types;

    public long CurrentResourceVersion => store.CurrentResourceVersion;

    public ResourceType? FindType(string group, string version, string plural) => store.FindType(group, version, plural);

    public ResourceType? FindTypeByKind(string apiVersion, string kind) => store.FindTypeByKind(apiVersion, kind);

    public JsonObject? Get(ResourceType type, string? @namespace, string name) => store.Get(type, @namespace, name);

    public IReadOnlyList<JsonObject> List(ResourceType type, string? @namespace) => store.List(type, @namespace);

    public JsonObject Create(ResourceType type, string? @namespace, JsonObject obj) => store.Create(type, @namespace, obj, fieldManager);

    public JsonObject Update(ResourceType type, string? @namespace, JsonObject obj, bool statusOnly) => store.Update(type, @namespace, obj, statusOnly, fieldManager);

    public JsonObject Apply(ResourceType type, string? @namespace, JsonObject applied, bool force, bool statusOnly)
        => store.Apply(type, @namespace, applied, force, statusOnly, fieldManager);

    public JsonObject Delete(ResourceType type, string? @namespace, string name) => store.Delete(type, @namespace, name);

    public IResourceStore AsFieldManager(string manager) => store.AsFieldManager(manager);

    public IAsyncEnumerable<WatchEvent> WatchAsync(ResourceType type, string? @namespace, long fromResourceVersion, CancellationToken cancellationToken)
        => store.WatchAsync(type, @namespace, fromResourceVersion, cancellationToken);
}
