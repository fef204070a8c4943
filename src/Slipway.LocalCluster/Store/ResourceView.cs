using System.Text.Json.Nodes;

namespace Slipway.LocalCluster.Store;

/// <summary>
/// A kind served as another kind's objects seen through a second API (as <c>events.k8s.io/v1</c> Events are the
/// <c>core/v1</c> Events): the store keeps only <paramref name="Source"/>'s objects and converts on the way out
/// (<paramref name="ToView"/>) and in (<paramref name="FromView"/>).
/// </summary>
public sealed record ResourceView(ResourceType Source, Func<JsonObject, JsonObject> ToView, Func<JsonObject, JsonObject> FromView);
