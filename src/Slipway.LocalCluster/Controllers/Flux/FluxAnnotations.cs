using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;

namespace Slipway.LocalCluster.Controllers.Flux;

/// <summary>
/// The annotations <c>flux reconcile</c> sets: <c>reconcile.fluxcd.io/requestedAt</c> asks for a reconcile now; on a
/// HelmRelease, <c>reconcile.fluxcd.io/forceAt</c> (a one-off Helm install or upgrade even when nothing changed) and
/// <c>reconcile.fluxcd.io/resetAt</c> (reset the failure counts, so remediation retries start over) are handled only when
/// they carry the same token as requestedAt, as helm-controller requires. Each is handled once per token
/// (<c>status.lastHandledReconcileAt</c>, <c>lastHandledForceAt</c>, <c>lastHandledResetAt</c>).
/// </summary>
internal static class FluxAnnotations
{
    public const string RequestedAt = "reconcile.fluxcd.io/requestedAt";
    public const string ForceAt = "reconcile.fluxcd.io/forceAt";
    public const string ResetAt = "reconcile.fluxcd.io/resetAt";

    public static string? Requested(JsonObject obj) => obj.Str("metadata", "annotations", RequestedAt);

    /// <summary>True when the object carries a requestedAt token its status has not handled yet.</summary>
    public static bool IsPending(JsonObject obj)
        => Requested(obj) is string token && token != obj.Str("status", "lastHandledReconcileAt");

    /// <summary>True when the spec changed since the last reconcile (generation vs status.observedGeneration).</summary>
    public static bool IsNewGeneration(JsonObject obj)
        => (obj.Long("metadata", "generation") ?? 1) != (obj.Long("status", "observedGeneration") ?? -1);

    /// <summary>The forceAt token to handle now (equal to requestedAt, not handled yet), or null.</summary>
    public static string? ForceRequest(JsonObject obj, JsonObject status) => Paired(obj, status, ForceAt, "lastHandledForceAt");

    /// <summary>The resetAt token to handle now (equal to requestedAt, not handled yet), or null.</summary>
    public static string? ResetRequest(JsonObject obj, JsonObject status) => Paired(obj, status, ResetAt, "lastHandledResetAt");

    public static void MarkHandled(JsonObject obj, JsonObject status)
    {
        if (Requested(obj) is string token)
        {
            status["lastHandledReconcileAt"] = token;
        }
    }

    private static string? Paired(JsonObject obj, JsonObject status, string annotation, string handled)
        => obj.Str("metadata", "annotations", annotation) is string token && token == Requested(obj) && token != status.Str(handled) ? token : null;
}
