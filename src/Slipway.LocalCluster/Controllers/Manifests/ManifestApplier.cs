using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Controllers.Manifests;

/// <summary>
/// Applies manifests the way a GitOps controller's server-side apply does, within what the local cluster
/// simulates: a missing object is created; an existing one gets every field the manifest sets (maps merge
/// key by key, lists and scalars are replaced) while fields set by others, and <c>status</c>, stay. Unlike real
/// server-side apply it does not track field ownership, so a field deleted from Git stays on the object.
/// </summary>
internal sealed class ManifestApplier
{
    private readonly IResourceStore _store;

    public ManifestApplier(IResourceStore store)
    {
        _store = store;
    }

    /// <summary>Resolves every manifest first, so that an unknown kind fails the whole set before anything is applied.</summary>
    /// <param name="defaultNamespace">For namespaced objects without one; null: such an object is an error, as in Flux.</param>
    /// <param name="forcedNamespace">Overrides every namespaced object's namespace (Flux <c>spec.targetNamespace</c>).</param>
    /// <exception cref="ManifestException">A manifest has no name or a kind the cluster does not serve.</exception>
    public IReadOnlyList<PlannedObject> Plan(IEnumerable<Manifest> manifests, string? defaultNamespace, string? forcedNamespace, IReadOnlyDictionary<string, string> labels)
    {
        var planned = new Dictionary<string, PlannedObject>(StringComparer.Ordinal);
        foreach (Manifest manifest in manifests)
        {
            JsonObject obj = manifest.Object.DeepClone().AsObject();
            string apiVersion = obj.Str("apiVersion") ?? string.Empty;
            string kind = obj.Str("kind") ?? string.Empty;
            ResourceType type = _store.FindTypeByKind(apiVersion, kind)
                ?? throw new ManifestException($"{manifest.File}: no matches for kind \"{kind}\" in version \"{apiVersion}\": the local cluster does not serve this kind");
            string name = obj.Str("metadata", "name")
                ?? throw new ManifestException($"{manifest.File}: {kind} without metadata.name");
            JsonObject metadata = obj.Ensure("metadata");
            string? ns = null;
            if (type.Namespaced)
            {
                ns = forcedNamespace ?? metadata.Str("namespace") ?? defaultNamespace
                    ?? throw new ManifestException($"{manifest.File}: {kind}/{name} namespace not specified (set metadata.namespace, or spec.targetNamespace on the Kustomization)");
                metadata["namespace"] = ns;
            }
            else
            {
                metadata.Remove("namespace");
            }

            JsonObject objectLabels = metadata.Ensure("labels");
            foreach ((string key, string value) in labels)
            {
                objectLabels[key] = value;
            }

            obj.Remove("status");
            var plan = new PlannedObject(type, ns, name, obj, manifest.File);
            planned[plan.InventoryId] = plan;
        }

        return planned.Values.OrderBy(Order).ThenBy(p => p.InventoryId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Creates or updates the object; returns true when the store changed.</summary>
    public bool Apply(PlannedObject plan)
    {
        JsonObject? live = _store.Get(plan.Type, plan.Namespace, plan.Name);
        if (live is null)
        {
            _store.Create(plan.Type, plan.Namespace, plan.Desired.DeepClone().AsObject());
            return true;
        }

        JsonObject merged = live.DeepClone().AsObject();
        Json.MergeInto(merged, plan.Desired);
        if (JsonNode.DeepEquals(merged, live))
        {
            return false;
        }

        _store.Update(plan.Type, plan.Namespace, merged, statusOnly: false);
        return true;
    }

    /// <summary>True when every field the manifest sets has that value in the live object.</summary>
    public bool IsInSync(PlannedObject plan)
    {
        JsonObject? live = _store.Get(plan.Type, plan.Namespace, plan.Name);
        return live is not null && Json.IsSubsetOf(plan.Desired, live);
    }

    /// <summary>Deletes the object an inventory id names; false when it is already gone or the kind is unknown.</summary>
    public bool Delete(string inventoryId, string version)
    {
        string[] parts = inventoryId.Split('_');
        if (parts.Length != 4)
        {
            return false;
        }

        string apiVersion = parts[2].Length == 0 ? version : $"{parts[2]}/{version}";
        ResourceType? type = _store.FindTypeByKind(apiVersion, parts[3]);
        if (type is null)
        {
            return false;
        }

        try
        {
            _store.Delete(type, parts[0].Length == 0 ? null : parts[0], parts[1]);
            return true;
        }
        catch (StoreException missing) when (missing.Code == 404)
        {
            return false;
        }
    }

    private static int Order(PlannedObject plan) => plan.Type.Kind switch
    {
        "Namespace" => 0,
        "CustomResourceDefinition" => 1,
        "ServiceAccount" or "ConfigMap" or "Secret" => 2,
        _ => plan.Type.Namespaced ? 4 : 3,
    };
}
