using System.Text.Json.Nodes;

namespace Slipway.LocalCluster.Store;

/// <summary>One change to one object, as a watch stream reports it.</summary>
public sealed record WatchEvent(WatchEventType Type, ResourceType ResourceType, JsonObject Object, long ResourceVersion);
