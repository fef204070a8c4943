using System.Globalization;
using System.Text.Json.Nodes;
using Slipway.LocalCluster.Store.ManagedFields;

namespace Slipway.LocalCluster.Store;

public sealed partial class InMemoryResourceStore
{
    public JsonObject Create(ResourceType type, string? @namespace, JsonObject obj) => Create(type, @namespace, obj, FieldManagers.Unnamed);

    /// <summary>Creates the object as <paramref name="fieldManager"/>, who owns its fields (operation Update); null when they are already recorded (an apply).</summary>
    internal JsonObject Create(ResourceType type, string? @namespace, JsonObject obj, string? fieldManager)
    {
        if (_views.TryGetValue(type, out ResourceView? view))
        {
            return view.ToView(Create(view.Source, @namespace, view.FromView(obj)));
        }

        JsonObject created = (JsonObject)obj.DeepClone();
        ObjectDefaults.Apply(type, created);
        JsonObject metadata = Meta.Of(created);
        string ns = NamespaceKey(type, @namespace ?? Meta.Namespace(created));
        string name = Meta.Name(created) ?? "";
        if (name.Length == 0 && Meta.GetString(created, "generateName") is { Length: > 0 } prefix)
        {
            name = prefix + RandomSuffix();
        }

        ObjectNames.Validate(type, name);
        ResourceType? defined = DefinedBy(type, created);
        created["apiVersion"] = type.ApiVersion;
        created["kind"] = type.Kind;
        if (fieldManager is not null)
        {
            // Identity fields (name, uid, resourceVersion…) are never owned, so ownership is recorded before they are set,
            // outside the lock (it is the costliest step of a create).
            FieldOwnership.RecordUpdate(null, created, fieldManager, status: false, Schemas.For(type), Timestamp());
        }

        lock (_lock)
        {
            SortedDictionary<string, StoredObject> names = Names(type, ns);
            if (names.ContainsKey(name))
            {
                throw StoreException.AlreadyExists(type, name);
            }

            long resourceVersion = ++_resourceVersion;
            metadata["name"] = name;
            if (type.Namespaced)
            {
                metadata["namespace"] = ns;
            }
            else
            {
                metadata.Remove("namespace");
            }

            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["creationTimestamp"] = Timestamp();
            metadata["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture);
            metadata["generation"] = 1;
            if (defined is not null)
            {
                ServeDefinedLocked(defined, created);
            }

            var stored = new StoredObject(type, ns, name, resourceVersion, created);
            names[name] = stored;
            IndexOwners(stored, add: true);
            Record(new WatchEvent(WatchEventType.Added, type, stored.Object, resourceVersion), stored.Json, previousJson: null);
            return stored.Clone();
        }
    }

    public JsonObject Update(ResourceType type, string? @namespace, JsonObject obj, bool statusOnly) => Update(type, @namespace, obj, statusOnly, FieldManagers.Unnamed);

    /// <summary>Replaces the object as <paramref name="fieldManager"/>, who takes the fields it changed (operation Update); null when they are already recorded (an apply).</summary>
    internal JsonObject Update(ResourceType type, string? @namespace, JsonObject obj, bool statusOnly, string? fieldManager)
    {
        if (_views.TryGetValue(type, out ResourceView? view))
        {
            return view.ToView(Update(view.Source, @namespace, view.FromView(obj), statusOnly));
        }

        string ns = NamespaceKey(type, @namespace ?? Meta.Namespace(obj));
        string name = Meta.Name(obj) ?? throw new StoreException(422, "Invalid", $"{type.Kind} \"\" is invalid: metadata.name: Required value: name is required");
        string? expectedVersion = Meta.GetString(obj, "resourceVersion");
        ResourceType? defined = statusOnly ? null : DefinedBy(type, obj);

        // The new object and its field ownership are worked out from the current one outside the lock; under it they are
        // used only when that object is still the current one (else worked out again there), so writers hold the lock briefly.
        (StoredObject Base, JsonObject Updated)? prepared = null;
        if (defined is null && GetStored(type, ns, name) is StoredObject current && MatchesExpected(current, expectedVersion))
        {
            prepared = (current, Prepare(current, obj, statusOnly, fieldManager));
        }

        lock (_lock)
        {
            SortedDictionary<string, StoredObject> names = Names(type, ns);
            if (!names.TryGetValue(name, out StoredObject? existing))
            {
                throw StoreException.NotFound(type, name);
            }

            if (!MatchesExpected(existing, expectedVersion))
            {
                throw StoreException.Conflict(type, name);
            }

            JsonObject updated;
            if (prepared is (StoredObject preparedBase, JsonObject preparedUpdate) && ReferenceEquals(preparedBase, existing))
            {
                updated = preparedUpdate;
            }
            else
            {
                updated = Prepare(existing, obj, statusOnly, fieldManager, defined);
            }

            // Number representations differ (parsed vs built) but DeepEquals compares JSON values, not CLR types.
            if (JsonNode.DeepEquals(updated, existing.Object))
            {
                return existing.Clone();
            }

            long resourceVersion = ++_resourceVersion;
            Meta.Of(updated)["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture);
            var stored = new StoredObject(type, ns, name, resourceVersion, updated);
            names[name] = stored;
            IndexOwners(existing, add: false);
            IndexOwners(stored, add: true);
            Record(new WatchEvent(WatchEventType.Modified, type, stored.Object, resourceVersion) { Previous = existing.Object }, stored.Json, existing.Json);
            return stored.Clone();
        }
    }

    private static bool MatchesExpected(StoredObject existing, string? expectedVersion)
        => string.IsNullOrEmpty(expectedVersion) || expectedVersion == existing.ResourceVersion.ToString(CultureInfo.InvariantCulture);

    /// <summary>The object <paramref name="obj"/> makes of <paramref name="existing"/>, with its field ownership recorded (under the lock when it serves a definition).</summary>
    private JsonObject Prepare(StoredObject existing, JsonObject obj, bool statusOnly, string? fieldManager, ResourceType? defined = null)
    {
        JsonObject updated = statusOnly ? WithStatusOf(existing.Clone(), obj) : WithSpecOf(existing, obj);
        if (defined is not null)
        {
            ServeDefinedLocked(defined, updated);
        }

        if (fieldManager is not null)
        {
            FieldOwnership.RecordUpdate(existing.Object, updated, fieldManager, statusOnly, Schemas.For(existing.Type), Timestamp());
        }
        else if (statusOnly && Meta.Of(obj)["managedFields"] is JsonNode managedFields)
        {
            Meta.Of(updated)["managedFields"] = managedFields.DeepClone();
        }

        return updated;
    }

    /// <summary>
    /// An update of everything but status (of everything when the kind has no status subresource): identity fields stay,
    /// generation follows spec.
    /// </summary>
    private static JsonObject WithSpecOf(StoredObject existing, JsonObject obj)
    {
        JsonObject updated = (JsonObject)obj.DeepClone();
        ObjectDefaults.Apply(existing.Type, updated);
        updated["apiVersion"] = existing.Type.ApiVersion;
        updated["kind"] = existing.Type.Kind;
        JsonObject metadata = Meta.Of(updated);
        JsonObject oldMetadata = Meta.Of(existing.Object);
        foreach (string field in s_identityFields)
        {
            if (oldMetadata[field] is JsonNode value)
            {
                metadata[field] = value.DeepClone();
            }
            else
            {
                metadata.Remove(field);
            }
        }

        if (existing.Type.StatusSubresource)
        {
            updated.Remove("status");
            if (existing.Object["status"] is JsonNode status)
            {
                updated["status"] = status.DeepClone();
            }
        }

        if (!SameBeyondMetadataAndStatus(updated, existing.Object))
        {
            metadata["generation"] = Meta.Generation(existing.Object) + 1;
        }

        return updated;
    }

    private static JsonObject WithStatusOf(JsonObject current, JsonObject obj)
    {
        current.Remove("status");
        if (obj["status"] is JsonNode status)
        {
            current["status"] = status.DeepClone();
        }

        return current;
    }

    /// <summary>Whether two objects agree on everything but metadata and status (compared in place, nothing copied).</summary>
    private static bool SameBeyondMetadataAndStatus(JsonObject left, JsonObject right)
    {
        int count = 0;
        foreach ((string key, JsonNode? value) in left)
        {
            if (key is "metadata" or "status")
            {
                continue;
            }

            count++;
            if (!right.TryGetPropertyValue(key, out JsonNode? other) || !JsonNode.DeepEquals(value, other))
            {
                return false;
            }
        }

        return count == right.Count(p => p.Key is not "metadata" and not "status");
    }

    private SortedDictionary<string, StoredObject> Names(ResourceType type, string ns)
    {
        SortedDictionary<string, SortedDictionary<string, StoredObject>> table = Table(type);
        if (!table.TryGetValue(ns, out SortedDictionary<string, StoredObject>? names))
        {
            names = new SortedDictionary<string, StoredObject>(StringComparer.Ordinal);
            table[ns] = names;
        }

        return names;
    }

    private string Timestamp()
        => _timeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string RandomSuffix()
    {
        const string alphabet = "bcdfghjklmnpqrstvwxz2456789";
        return string.Create(5, 0, static (span, _) =>
        {
            for (int i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[Random.Shared.Next(alphabet.Length)];
            }
        });
    }

    private static readonly string[] s_identityFields = ["name", "namespace", "uid", "creationTimestamp", "generation", "resourceVersion"];
}
