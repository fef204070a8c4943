using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;

namespace Slipway.LocalCluster.Controllers.Flux;

/// <summary>The annotation Flux's <c>flux reconcile</c> sets to ask for a reconcile now, and whether it is still unhandled.</summary>
internal static class FluxAnnotations
{
    public const string RequestedAt = "reconcile.fluxcd.io/requestedAt";

    public static string? Requested(JsonObject obj) => obj.Str("metadata", "annotations", RequestedAt);

    /// <summary>True when the object carries a requestedAt token its status has not handled yet.</summary>
    public static bool IsPending(JsonObject obj)
        => Requested(obj) is string token && token != obj.Str("status", "lastHandledReconcileAt");

    /// <summary>True when the spec changed since the last reconcile (generation vs status.observedGeneration).</summary>
    public static bool IsNewGeneration(JsonObject obj)
        => (obj.Long("metadata", "generation") ?? 1) != (obj.Long("status", "observedGeneration") ?? -1);

    public static void MarkHandled(JsonObject obj, JsonObject status)
    {
        if (Requested(obj) is string token)
        {
            status["lastHandledReconcileAt"] = token;
        }
    }
}
