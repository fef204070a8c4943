using System.Text.Json.Nodes;

namespace Slipway.LocalCluster.Store;

/// <summary>One change to one object, as a watch stream reports it.</summary>
public sealed record WatchEvent(WatchEventType Type, ResourceType ResourceType, JsonObject Object, long ResourceVersion)
{
    /// <summary>
    /// The object before a <see cref="WatchEventType.Modified"/> change (null for other events), so a watch with a selector
    /// can tell an object that stopped or started matching. It is the stored object itself, not a copy: read it, never change it.
    /// </summary>
    public JsonObject? Previous { get; init; }
}
