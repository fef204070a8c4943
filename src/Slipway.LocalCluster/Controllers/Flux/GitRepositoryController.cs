using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Manifests;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Controllers.Flux;

/// <summary>
/// Plays Flux's source-controller for <c>GitRepository</c> (<c>source.toolkit.fluxcd.io/v1</c>): fetches <c>spec.ref</c>
/// of the local repository <c>spec.url</c> into the source cache on every <c>spec.interval</c>, on a spec change and on
/// <c>reconcile.fluxcd.io/requestedAt</c>, and reports <c>status.artifact.revision</c> (<c>main@sha1:…</c>), the Ready
/// condition (<c>Succeeded</c> / <c>GitOperationFailed</c>) and <c>lastHandledReconcileAt</c>. There is no artifact
/// tarball: the Kustomization controller reads the cached repository's objects directly. <c>spec.suspend</c> stops it.
/// </summary>
internal sealed class GitRepositoryController : ReconcilingController
{
    private readonly Dictionary<ObjectKey, DateTimeOffset> _lastFetch = [];

    public GitRepositoryController(ControllerContext context)
        : base(context)
    {
    }

    protected override ResourceType PrimaryType => Kinds.GitRepository;

    protected override EventSource? ReadyEventSource => EventSource.SourceController;

    protected override async Task<TimeSpan?> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        JsonObject? source = Store.Get(Kinds.GitRepository, key.Namespace, key.Name);
        if (source is null || source.Bool("spec", "suspend"))
        {
            _lastFetch.Remove(key);
            return null;
        }

        TimeSpan interval = GoDuration.Parse(source.Str("spec", "interval"), TimeSpan.FromMinutes(1));
        DateTimeOffset now = Context.Now;
        bool due = !_lastFetch.TryGetValue(key, out DateTimeOffset last) || now - last >= interval;
        if (!due && !FluxAnnotations.IsPending(source) && !FluxAnnotations.IsNewGeneration(source) && source.At("status", "artifact") is not null)
        {
            return last + interval - now;
        }

        JsonObject status = source.Obj("status")?.DeepClone().AsObject() ?? [];
        JsonObject before = status.DeepClone().AsObject();
        string cache = SourceCache.GitRepositoryPath(Context.Options.SourceCacheDirectory, key.Namespace ?? "default", key.Name);
        try
        {
            (string revision, string sha) = await GitFetcher.FetchAsync(source.Str("spec", "url") ?? string.Empty, GitReference.From(source), cache, Context.Options.GitTimeout, cancellationToken).ConfigureAwait(false);
            if (status.Str("artifact", "revision") != revision)
            {
                status["artifact"] = new JsonObject
                {
                    ["revision"] = revision,
                    ["digest"] = "sha1:" + sha,
                    ["path"] = $"gitrepository/{key.Namespace}/{key.Name}/{sha}.tar.gz",
                    ["url"] = new Uri(cache).AbsoluteUri,
                    ["lastUpdateTime"] = Time.Format(now),
                };
            }

            Conditions.Remove(status, "FetchFailed");
            Conditions.Set(status, new Condition("Ready", "True", "Succeeded", $"stored artifact for revision '{revision}'"), now);
        }
        catch (Exception failure) when (failure is ManifestException or TimeoutException or IOException)
        {
            string message = failure is TimeoutException ? $"failed to checkout and determine revision: fetch timed out after {Context.Options.GitTimeout}" : failure.Message;
            Conditions.Set(status, new Condition("FetchFailed", "True", "GitOperationFailed", message), now);
            Conditions.Set(status, new Condition("Ready", "False", "GitOperationFailed", message), now);
        }

        _lastFetch[key] = now;
        status["observedGeneration"] = source.Long("metadata", "generation") ?? 1;
        FluxAnnotations.MarkHandled(source, status);
        UpdateStatusIfChanged(Kinds.GitRepository, key.Namespace, source, before, status);

        return interval;
    }
}
