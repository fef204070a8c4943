using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Slipway.Cluster;

/// <summary>
/// Makes Flux take a pushed commit now: annotates the GitRepository and the Kustomization with
/// <c>reconcile.fluxcd.io/requestedAt</c> and waits until the Kustomization's <c>lastAppliedRevision</c> is
/// <c>&lt;branch&gt;@sha1:&lt;commit&gt;</c> (or a later commit that includes it, when the request can tell), or fails with
/// the Kustomization's own message, or at once with the GitRepository's when the source cannot fetch (<see cref="FluxSourceWatch"/>).
/// </summary>
public sealed class FluxSync
{
    public const string Namespace = "flux-system";

    private readonly IClusterCustomObjects _objects;
    private readonly TimeProvider _time;

    public FluxSync(IClusterCustomObjects objects, TimeProvider time)
    {
        _objects = objects;
        _time = time;
    }

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Applies Flux objects (the bootstrap GitRepository and Kustomization) with server-side apply.</summary>
    public async Task ApplyAsync(IEnumerable<JsonObject> manifests, CancellationToken cancellationToken)
    {
        foreach (JsonObject manifest in manifests)
        {
            string apiVersion = manifest["apiVersion"]?.GetValue<string>() ?? string.Empty;
            string kind = manifest["kind"]?.GetValue<string>() ?? string.Empty;
            CustomResource resource = CustomResource.FindByKind(apiVersion, kind)
                ?? throw SlipwayException.Input($"Cannot apply {kind} ({apiVersion}): only Flux and Argo CD objects are applied directly.");
            string ns = manifest["metadata"]?["namespace"]?.GetValue<string>() ?? Namespace;
            string name = manifest["metadata"]?["name"]?.GetValue<string>() ?? throw SlipwayException.Input($"A {kind} manifest has no metadata.name.");
            await _objects.EnsureNamespaceAsync(ns, cancellationToken).ConfigureAwait(false);
            await _objects.ApplyCustomObjectAsync(resource, ns, name, manifest, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Asks for a reconcile now and waits until the commit is applied; returns the applied revision.</summary>
    public async Task<string> ReconcileAndWaitAsync(FluxReconcileRequest request, CancellationToken cancellationToken)
    {
        (string kustomization, string source, string branch, string commit) = request;
        TimeSpan timeout = request.Timeout;
        string expected = $"{branch}@sha1:{commit}";
        string token = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var annotate = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [FluxReleaseRetry.RequestedAt] = token } } };
        await _objects.MergePatchCustomObjectAsync(CustomResource.GitRepository, Namespace, source, annotate, cancellationToken).ConfigureAwait(false);
        await _objects.MergePatchCustomObjectAsync(CustomResource.Kustomization, Namespace, kustomization, (JsonObject)annotate.DeepClone(), cancellationToken).ConfigureAwait(false);
        request.Log.Info($"Asked Flux to reconcile {Namespace}/{kustomization}; waiting for {expected}.");

        string revisionPrefix = $"{branch}@sha1:";
        var excluded = new HashSet<string>(StringComparer.Ordinal);
        string? later = null;
        var wait = new CustomObjectWait(
            CustomResource.Kustomization,
            Namespace,
            kustomization,
            k =>
            {
                string? applied = JsonStatus.Text(k, "status", "lastAppliedRevision");
                string? attempted = JsonStatus.Text(k, "status", "lastAttemptedRevision");
                var ready = JsonStatus.Condition(k, "Ready");
                if (applied == expected)
                {
                    return (true, string.Empty);
                }

                if (attempted == expected && ready is { Status: "False" } failed)
                {
                    throw SlipwayException.Failed($"Flux could not apply {expected}: Kustomization {Namespace}/{kustomization} is not Ready ({failed.Reason}): {failed.Message}");
                }

                if (request.Includes is not null && applied is not null && applied.StartsWith(revisionPrefix, StringComparison.Ordinal) && !excluded.Contains(applied))
                {
                    later = applied; // another commit of the branch: judged below whether it includes ours
                    return (true, string.Empty);
                }

                return (false, $"applied {applied ?? "nothing"}" + (ready is { } r ? $", Ready={r.Status} ({r.Reason}) {r.Message}" : string.Empty));
            },
            last => SlipwayException.Failed(
                $"Flux did not apply {expected} within {timeout.TotalSeconds:0}s: Kustomization {Namespace}/{kustomization} has {last}. "
                + "Check the Flux controllers (flux get kustomizations -A) and run SyncApps again."))
        {
            Timeout = timeout,
            Interval = PollInterval,
            Time = _time,
            Watches = [FluxSourceWatch.For(request, token)],
        };
        long started = _time.GetTimestamp();
        while (true)
        {
            later = null;
            TimeSpan left = timeout - _time.GetElapsedTime(started);
            await CustomObjectPoller.WaitAsync(_objects, wait with { Timeout = left > TimeSpan.Zero ? left : TimeSpan.Zero }, cancellationToken).ConfigureAwait(false);
            if (later is null)
            {
                return expected;
            }

            if (await request.Includes!(later[revisionPrefix.Length..], cancellationToken).ConfigureAwait(false))
            {
                request.Log.Info($"Flux applied {later}, a later commit of {branch} that includes {commit[..Math.Min(12, commit.Length)]} (other runs pushed after this one).");
                return later;
            }

            excluded.Add(later); // an older commit: wait for Flux to move on
        }
    }
}
