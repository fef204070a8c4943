using System.Text.Json;

namespace Slipway.Cluster;

/// <summary>
/// Judges the GitRepository a Kustomization reads while <see cref="FluxSync"/> waits: once the source-controller has
/// handled this run's <c>reconcile.fluxcd.io/requestedAt</c> token and reports Ready=False (GitOperationFailed for a remote
/// whose tree is missing, AuthenticationFailed, …), the commit cannot be applied and the wait fails at once.
/// </summary>
internal static class FluxSourceWatch
{
    public static CustomObjectWatch For(FluxReconcileRequest request, string token) => new(
        CustomResource.GitRepository,
        FluxSync.Namespace,
        request.Source,
        source => Failure(source, request, token));

    public static SlipwayException? Failure(JsonElement source, FluxReconcileRequest request, string token)
    {
        if (JsonStatus.Text(source, "status", "lastHandledReconcileAt") != token || JsonStatus.Condition(source, "Ready") is not { Status: "False" } ready)
        {
            return null;
        }

        string url = JsonStatus.Text(source, "spec", "url") ?? "its URL";
        return SlipwayException.Failed(
            $"Flux cannot fetch the GitOps source, so it cannot apply {request.Branch}@sha1:{request.Commit}: GitRepository {FluxSync.Namespace}/{request.Source} "
            + $"is not Ready ({ready.Reason}): {ready.Message}. Next: repair branch {request.Branch} of {url} (git fsck names a missing object; "
            + $"flux get sources git -n {FluxSync.Namespace} shows the error), then run the deploy again (e.g. ./build.sh SyncApps --env {request.Kustomization}).");
    }
}
