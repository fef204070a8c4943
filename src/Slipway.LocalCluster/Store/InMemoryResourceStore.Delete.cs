using System.Globalization;
using System.Text.Json.Nodes;

namespace Slipway.LocalCluster.Store;

public sealed partial class InMemoryResourceStore
{
    public JsonObject Delete(ResourceType type, string? @namespace, string name)
    {
        if (_views.TryGetValue(type, out ResourceView? view))
        {
            return view.ToView(Delete(view.Source, @namespace, name));
        }

        string ns = NamespaceKey(type, @namespace);
        lock (_lock)
        {
            SortedDictionary<string, StoredObject> names = Names(type, ns);
            if (!names.TryGetValue(name, out StoredObject? existing))
            {
                throw StoreException.NotFound(type, name);
            }

            RefuseBuiltInDefinitionDelete(existing);
            JsonObject deleted = DeleteLocked(existing);
            return (JsonObject)deleted.DeepClone();
        }
    }

    private JsonObject DeleteLocked(StoredObject existing)
    {
        bool isNamespace = IsNamespace(existing.Type);
        if (isNamespace)
        {
            existing = MarkTerminatingLocked(existing);
            DeleteDependentsLocked(existing);
        }

        Names(existing.Type, existing.Namespace).Remove(existing.Name);
        IndexOwners(existing, add: false);
        long resourceVersion = ++_resourceVersion;
        JsonObject deleted = existing.Clone();
        Meta.Of(deleted)["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture);
        if (isNamespace && deleted["spec"] is JsonObject spec)
        {
            spec["finalizers"] = new JsonArray();
        }

        deleted = (JsonObject)JsonNode.Parse(deleted.ToJsonString())!;
        Record(new WatchEvent(WatchEventType.Deleted, existing.Type, deleted, resourceVersion), StoredObject.Serialize(deleted), previousJson: null);
        if (existing.Type == KnownResourceTypes.CustomResourceDefinition)
        {
            StopServingLocked(existing.Object);
        }

        if (!isNamespace)
        {
            DeleteDependentsLocked(existing);
        }

        return deleted;
    }

    private void DeleteDependentsLocked(StoredObject owner)
    {
        foreach (StoredObject dependent in DependentsLocked(owner))
        {
            if (Names(dependent.Type, dependent.Namespace).ContainsKey(dependent.Name))
            {
                DeleteLocked(dependent);
            }
        }
    }

    /// <summary>
    /// A namespace being deleted first goes <c>Terminating</c> (<c>deletionTimestamp</c>, <c>status.phase</c>, its
    /// <c>kubernetes</c> finalizer still listed), seen by watches as a MODIFIED event before its contents are deleted.
    /// </summary>
    private StoredObject MarkTerminatingLocked(StoredObject existing)
    {
        JsonObject terminating = existing.Clone();
        JsonObject metadata = Meta.Of(terminating);
        long resourceVersion = ++_resourceVersion;
        metadata["deletionTimestamp"] = Timestamp();
        metadata["deletionGracePeriodSeconds"] = 0;
        metadata["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture);
        if (terminating["status"] is not JsonObject status)
        {
            status = [];
            terminating["status"] = status;
        }

        status["phase"] = "Terminating";
        terminating = (JsonObject)JsonNode.Parse(terminating.ToJsonString())!;
        var stored = new StoredObject(existing.Type, existing.Namespace, existing.Name, resourceVersion, terminating);
        Names(existing.Type, existing.Namespace)[existing.Name] = stored;
        Record(new WatchEvent(WatchEventType.Modified, existing.Type, stored.Object, resourceVersion), stored.Json, previousJson: null);
        return stored;
    }

    private static bool IsNamespace(ResourceType type) => type.Kind == "Namespace" && type.Group.Length == 0;

    /// <summary>What goes with a deleted object: everything in a deleted namespace, and objects it owns.</summary>
    private List<StoredObject> DependentsLocked(StoredObject owner)
    {
        var dependents = new List<StoredObject>();
        if (IsNamespace(owner.Type))
        {
            foreach ((ResourceType type, SortedDictionary<string, SortedDictionary<string, StoredObject>> table) in _tables)
            {
                if (type.Namespaced && table.TryGetValue(owner.Name, out SortedDictionary<string, StoredObject>? inNamespace))
                {
                    dependents.AddRange(inNamespace.Values);
                }
            }

            return dependents;
        }

        if (owner.Uid is string uid && _dependents.TryGetValue(uid, out HashSet<(ResourceType Type, string Namespace, string Name)>? keys))
        {
            foreach ((ResourceType type, string ns, string name) in keys)
            {
                if (Names(type, ns).TryGetValue(name, out StoredObject? dependent))
                {
                    dependents.Add(dependent);
                }
            }
        }

        return dependents;
    }

    /// <summary>Keeps the index from an owner's uid to the objects whose <c>ownerReferences</c> name it.</summary>
    private void IndexOwners(StoredObject stored, bool add)
    {
        if (stored.Object["metadata"] is not JsonObject metadata || metadata["ownerReferences"] is not JsonArray owners)
        {
            return;
        }

        foreach (JsonNode? owner in owners)
        {
            if (owner is not JsonObject reference || reference["uid"] is not JsonValue value || !value.TryGetValue(out string? uid))
            {
                continue;
            }

            var key = (stored.Type, stored.Namespace, stored.Name);
            if (add)
            {
                if (!_dependents.TryGetValue(uid, out HashSet<(ResourceType Type, string Namespace, string Name)>? keys))
                {
                    keys = [];
                    _dependents[uid] = keys;
                }

                keys.Add(key);
            }
            else if (_dependents.TryGetValue(uid, out HashSet<(ResourceType Type, string Namespace, string Name)>? keys) && keys.Remove(key) && keys.Count == 0)
            {
                _dependents.Remove(uid);
            }
        }
    }
}
