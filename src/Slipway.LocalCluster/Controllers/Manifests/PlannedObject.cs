using System.Text.Json.Nodes;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Controllers.Manifests;

/// <summary>A manifest resolved against the store's kinds: where it goes and what it should look like.</summary>
internal sealed record PlannedObject(ResourceType Type, string? Namespace, string Name, JsonObject Desired, string File)
{
    /// <summary>The id Flux writes in <c>status.inventory.entries[].id</c>: <c>namespace_name_group_kind</c>.</summary>
    public string InventoryId => $"{Namespace}_{Name}_{Type.Group}_{Type.Kind}";

    public override string ToString() => Namespace is null ? $"{Type.Kind}/{Name}" : $"{Type.Kind}/{Namespace}/{Name}";
}
