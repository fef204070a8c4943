using System.Text.Json.Nodes;
using Slipway.LocalCluster.Store.Schema;

namespace Slipway.LocalCluster.Store;

public sealed partial class InMemoryResourceStore
{
    /// <summary>
    /// Creates the CustomResourceDefinition of every custom kind served from the start that has none yet (a fresh store,
    /// or a state saved before definitions were kept).
    /// </summary>
    public void EnsureDefinitions()
    {
        ResourceType definitionType = KnownResourceTypes.CustomResourceDefinition;
        if (!_tables.ContainsKey(definitionType))
        {
            return;
        }

        foreach (ResourceType type in _types.Where(CustomResourceDefinitions.IsCustom).ToArray())
        {
            if (GetStored(definitionType, null, CustomResourceDefinitions.NameOf(type)) is null)
            {
                Create(definitionType, null, CustomResourceDefinitions.Describe(type));
            }
        }
    }

    /// <summary>Serves the kinds of the definitions among <paramref name="objects"/> (a state being loaded), before their objects are placed.</summary>
    private void ServeDefinitions(IEnumerable<JsonObject> objects)
    {
        foreach (JsonObject obj in objects)
        {
            if (obj["kind"]?.GetValue<string>() != KnownResourceTypes.CustomResourceDefinition.Kind
                || obj["apiVersion"]?.GetValue<string>() != KnownResourceTypes.CustomResourceDefinition.ApiVersion)
            {
                continue;
            }

            ResourceType defined = CustomResourceDefinitions.Read(obj);
            lock (_lock)
            {
                if (ServedAs(defined) is null)
                {
                    ServeLocked(defined);
                }
            }
        }
    }

    /// <summary>The kind served under a definition's group and plural (in any version), or null.</summary>
    private ResourceType? ServedAs(ResourceType defined)
        => _byPlural.Values.FirstOrDefault(t => t.Group == defined.Group && t.Plural == defined.Plural);

    /// <summary>The kind a definition being written serves (validated: 422 Invalid when malformed), or null for other kinds.</summary>
    private static ResourceType? DefinedBy(ResourceType type, JsonObject obj)
        => type == KnownResourceTypes.CustomResourceDefinition ? CustomResourceDefinitions.Read(obj) : null;

    /// <summary>
    /// Serves the kind of a definition being created or updated and sets the definition's status. A kind built in stays as
    /// it is; a created one is served; a changed one is served anew — with its objects when only the status subresource
    /// changed, without them (each deleted) when its version or scope changed.
    /// </summary>
    private void ServeDefinedLocked(ResourceType defined, JsonObject definition)
    {
        ResourceType? served = ServedAs(defined);
        bool builtIn = served is not null && KnownResourceTypes.All.Contains(served);
        if (served is not null && served != defined && !builtIn)
        {
            bool keepObjects = served with { StatusSubresource = defined.StatusSubresource } == defined;
            List<StoredObject> objects = [.. Table(served).Values.SelectMany(names => names.Values)];
            StopServingTypeLocked(served, deleteObjects: !keepObjects);
            ServeLocked(defined);
            if (keepObjects)
            {
                foreach (StoredObject stored in objects)
                {
                    Names(defined, stored.Namespace)[stored.Name] = new StoredObject(defined, stored.Namespace, stored.Name, stored.ResourceVersion, stored.Object);
                }
            }
        }
        else if (served is null)
        {
            ServeLocked(defined);
        }

        CustomResourceDefinitions.SetStatus(definition, builtIn ? served! : defined, Timestamp());
    }

    /// <summary>A deleted definition's kind stops being served and its objects are deleted (as the real server does).</summary>
    private void StopServingLocked(JsonObject definition)
    {
        ResourceType defined = CustomResourceDefinitions.Read(definition);
        if (ServedAs(defined) is ResourceType served)
        {
            StopServingTypeLocked(served, deleteObjects: true);
        }
    }

    private void RefuseBuiltInDefinitionDelete(StoredObject existing)
    {
        if (existing.Type == KnownResourceTypes.CustomResourceDefinition
            && KnownResourceTypes.All.Any(t => CustomResourceDefinitions.IsCustom(t) && CustomResourceDefinitions.NameOf(t) == existing.Name))
        {
            throw new StoreException(405, "MethodNotAllowed", $"customresourcedefinitions \"{existing.Name}\" defines a kind built into the local cluster (its controllers use it); it cannot be deleted");
        }
    }

    private void StopServingTypeLocked(ResourceType type, bool deleteObjects)
    {
        if (deleteObjects)
        {
            foreach (StoredObject stored in Table(type).Values.SelectMany(names => names.Values).ToArray())
            {
                DeleteLocked(stored);
            }
        }

        _tables.Remove(type);
        _byKind.TryRemove((type.ApiVersion, type.Kind), out _);
        _byPlural.TryRemove((type.Group, type.Version, type.Plural), out _);
        _types = [.. _types.Where(t => t != type)];
        Schemas.Remove(type);
    }

    /// <summary>Serves a kind: its table, its lookups, its place in <see cref="Types"/>. Called under the lock or during construction.</summary>
    private void ServeLocked(ResourceType type)
    {
        _tables[type] = new SortedDictionary<string, SortedDictionary<string, StoredObject>>(StringComparer.Ordinal);
        _byKind[(type.ApiVersion, type.Kind)] = type;
        _byPlural[(type.Group, type.Version, type.Plural)] = type;
        _types = [.. _types, type];
        if (!Schemas.Describes(type))
        {
            Schemas.Register(type, BuiltInSchemas.For(type)); // a user's kind: OpenAPI describes it, with any spec and status
        }
    }
}
