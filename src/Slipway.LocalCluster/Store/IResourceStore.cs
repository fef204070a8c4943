using System.Text.Json.Nodes;

namespace Slipway.LocalCluster.Store;

/// <summary>
/// The local cluster's object store: what etcd plus the API server's registry are to a real cluster.
/// Objects are Kubernetes JSON objects (<c>apiVersion</c>, <c>kind</c>, <c>metadata</c>, <c>spec</c>, <c>status</c>).
/// Every method returns deep copies; callers never share nodes with the store. The HTTP layer and the
/// in-process controllers both use it. Failures are <see cref="StoreException"/>.
/// </summary>
public interface IResourceStore
{
    /// <summary>Every kind this store serves.</summary>
    IReadOnlyList<ResourceType> Types { get; }

    /// <summary>The newest resourceVersion handed out.</summary>
    long CurrentResourceVersion { get; }

    /// <summary>Finds a kind by group, version and plural (as in a URL), or null.</summary>
    ResourceType? FindType(string group, string version, string plural);

    /// <summary>Finds a kind by apiVersion (<c>v1</c>, <c>apps/v1</c>) and kind (<c>Deployment</c>), or null.</summary>
    ResourceType? FindTypeByKind(string apiVersion, string kind);

    /// <summary>The object, or null when it does not exist.</summary>
    JsonObject? Get(ResourceType type, string? @namespace, string name);

    /// <summary>All objects of a kind, in one namespace or (null) all of them, ordered by namespace then name.</summary>
    IReadOnlyList<JsonObject> List(ResourceType type, string? @namespace);

    /// <summary>Creates the object; sets uid, creationTimestamp, resourceVersion, generation 1. 409 AlreadyExists when it exists.</summary>
    JsonObject Create(ResourceType type, string? @namespace, JsonObject obj);

    /// <summary>
    /// Replaces the object. When <paramref name="obj"/> carries metadata.resourceVersion and it is not the current one: 409 Conflict.
    /// With <paramref name="statusOnly"/> only <c>status</c> is taken from <paramref name="obj"/>; otherwise <c>status</c> is kept
    /// and <c>metadata.generation</c> is incremented when <c>spec</c> changed. An update that changes nothing changes no resourceVersion.
    /// </summary>
    JsonObject Update(ResourceType type, string? @namespace, JsonObject obj, bool statusOnly);

    /// <summary>
    /// Server-side apply: merges <paramref name="applied"/> (which names the object) into the current object, or creates it, and records
    /// its manager's fields in <c>metadata.managedFields</c>. 409 Conflict when another manager owns an applied field with another
    /// value, unless <paramref name="force"/> (then the field changes hands); fields the manager applied before and no longer applies
    /// are removed when no one else owns them. With <paramref name="statusOnly"/> only <c>status</c> is applied (the object must exist).
    /// </summary>
    JsonObject Apply(ResourceType type, string? @namespace, JsonObject applied, bool force, bool statusOnly);

    /// <summary>This store with its writes recorded under <paramref name="fieldManager"/> in <c>metadata.managedFields</c>.</summary>
    IResourceStore AsFieldManager(string fieldManager);

    /// <summary>Deletes the object and returns it as it was; 404 NotFound when it does not exist.</summary>
    JsonObject Delete(ResourceType type, string? @namespace, string name);

    /// <summary>
    /// Streams changes to a kind (in one namespace or all) newer than <paramref name="fromResourceVersion"/>;
    /// 410 Gone when that version is older than the retained history.
    /// </summary>
    IAsyncEnumerable<WatchEvent> WatchAsync(ResourceType type, string? @namespace, long fromResourceVersion, CancellationToken cancellationToken);
}
