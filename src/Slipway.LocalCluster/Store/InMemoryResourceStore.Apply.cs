using System.Text.Json.Nodes;
using Slipway.LocalCluster.Store.ManagedFields;

namespace Slipway.LocalCluster.Store;

public sealed partial class InMemoryResourceStore
{
    public JsonObject Apply(ResourceType type, string? @namespace, JsonObject applied, bool force, bool statusOnly)
        => Apply(type, @namespace, applied, force, statusOnly, FieldManagers.Unnamed);

    public IResourceStore AsFieldManager(string fieldManager) => new FieldManagerStore(this, fieldManager);

    /// <summary>Server-side apply of <paramref name="applied"/> as <paramref name="fieldManager"/>, under the lock (see <see cref="FieldOwnership"/>).</summary>
    internal JsonObject Apply(ResourceType type, string? @namespace, JsonObject applied, bool force, bool statusOnly, string fieldManager)
    {
        string name = Meta.Name(applied) ?? throw new StoreException(422, "Invalid", $"{type.Kind} \"\" is invalid: metadata.name: Required value: name is required");
        string ns = NamespaceKey(type, @namespace ?? Meta.Namespace(applied));
        lock (_lock)
        {
            if (!Names(type, ns).TryGetValue(name, out StoredObject? existing))
            {
                if (statusOnly)
                {
                    throw StoreException.NotFound(type, name);
                }

                var created = (JsonObject)applied.DeepClone();
                created["apiVersion"] = type.ApiVersion;
                FieldOwnership.RecordCreateByApply(created, fieldManager, status: false, Schemas.For(type), Timestamp());
                return Create(type, @namespace, created, fieldManager: null);
            }

            JsonObject result = FieldOwnership.Apply(existing.Clone(), applied, new FieldApply(fieldManager, force, statusOnly, Schemas.For(type), Timestamp()));
            Meta.Of(result)["resourceVersion"] = existing.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Update(type, @namespace, result, statusOnly, fieldManager: null);
        }
    }
}
