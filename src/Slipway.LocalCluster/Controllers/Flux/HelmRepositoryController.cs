using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Slipway.Freezing.Charts;
using Slipway.IO;
using Slipway.LocalCluster.Api;
using Slipway.LocalCluster.Charts;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Controllers.Flux;

/// <summary>
/// Plays source-controller for <c>HelmRepository</c> (<c>source.toolkit.fluxcd.io/v1</c>): on every <c>spec.interval</c>,
/// spec change and <c>reconcile.fluxcd.io/requestedAt</c> it fetches <c>index.yaml</c> of <c>spec.url</c> over HTTP from
/// the local cluster's chart mirror (<see cref="ChartRepositoryApi"/>; the machine has no network), keeps it as the
/// artifact (<c>index-&lt;sha256&gt;.yaml</c> in the source cache, revision <c>sha256:…</c>) and reports Ready
/// <c>Succeeded</c> "stored artifact: revision '…'". A repository the mirror does not hold is Ready=False <c>Failed</c>
/// "failed to fetch Helm repository index: …", naming the PublishChart command that mirrors it; a malformed index is
/// <c>IndexationFailed</c> naming the file and line. <c>spec.suspend</c> stops it.
/// </summary>
internal sealed class HelmRepositoryController : ReconcilingController
{
    private static readonly HttpClient s_http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Dictionary<ObjectKey, DateTimeOffset> _lastFetch = [];

    public HelmRepositoryController(ControllerContext context)
        : base(context)
    {
    }

    protected override ResourceType PrimaryType => Kinds.HelmRepository;

    protected override EventSource? ReadyEventSource => EventSource.SourceController;

    protected override async Task<TimeSpan?> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        JsonObject? repository = Store.Get(Kinds.HelmRepository, key.Namespace, key.Name);
        if (repository is null || repository.Bool("spec", "suspend"))
        {
            _lastFetch.Remove(key);
            return null;
        }

        TimeSpan interval = GoDuration.Parse(repository.Str("spec", "interval"), TimeSpan.FromMinutes(10));
        DateTimeOffset now = Context.Now;
        bool due = !_lastFetch.TryGetValue(key, out DateTimeOffset last) || now - last >= interval;
        if (!due && !FluxAnnotations.IsPending(repository) && !FluxAnnotations.IsNewGeneration(repository))
        {
            return last + interval - now;
        }

        JsonObject status = repository.Obj("status")?.DeepClone().AsObject() ?? [];
        JsonObject before = status.DeepClone().AsObject();
        string url = repository.Str("spec", "url") ?? string.Empty;
        (string? reason, string message) = await FetchAsync(key, url, status, now, cancellationToken).ConfigureAwait(false);
        if (reason is null)
        {
            Conditions.Remove(status, "FetchFailed");
            Conditions.Set(status, new Condition("Ready", "True", "Succeeded", message), now);
        }
        else
        {
            Conditions.Set(status, new Condition("FetchFailed", "True", reason, message), now);
            Conditions.Set(status, new Condition("Ready", "False", reason, message), now);
        }

        _lastFetch[key] = now;
        status["observedGeneration"] = repository.Long("metadata", "generation") ?? 1;
        FluxAnnotations.MarkHandled(repository, status);
        UpdateStatusIfChanged(Kinds.HelmRepository, key.Namespace, repository, before, status);
        return interval;
    }

    /// <summary>Fetches and stores the index; returns a failure reason (null on success) and the Ready message.</summary>
    private async Task<(string? Reason, string Message)> FetchAsync(ObjectKey key, string url, JsonObject status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        string? path = ChartRepositoryApi.IndexPathOf(url);
        string unreachable = $"failed to fetch Helm repository index: failed to cache index to temporary file: {url.TrimEnd('/')}/index.yaml is not reachable from the local cluster (it has no network and does not mirror {url}); "
            + $"mirror a chart of it with: ./build.sh PublishChart --repository {url} --chart NAME --version VERSION";
        if (path is null || Context.Options.ChartRepositoryAddress is not Uri server)
        {
            return ("Failed", unreachable);
        }

        byte[] body;
        try
        {
            using HttpResponseMessage response = await s_http.GetAsync(new Uri(server, path), cancellationToken).ConfigureAwait(false);
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return ("Failed", unreachable);
            }

            if (response.StatusCode == HttpStatusCode.InternalServerError)
            {
                return ("IndexationFailed", $"failed to load Helm repository from index YAML: {Encoding.UTF8.GetString(body)}");
            }

            if (!response.IsSuccessStatusCode)
            {
                return ("Failed", $"failed to fetch Helm repository index: failed to cache index to temporary file: failed to fetch {url.TrimEnd('/')}/index.yaml : {(int)response.StatusCode} {response.ReasonPhrase}");
            }
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return ("Failed", $"failed to fetch Helm repository index: failed to cache index to temporary file: {failure.Message}");
        }

        try
        {
            ChartIndex.Parse(Encoding.UTF8.GetString(body), url.TrimEnd('/') + "/index.yaml");
        }
        catch (ChartIndexException malformed)
        {
            return ("IndexationFailed", $"failed to load Helm repository from index YAML: {malformed.Message}");
        }

        string sha = Convert.ToHexStringLower(SHA256.HashData(body));
        string revision = "sha256:" + sha;
        if (status.Str("artifact", "revision") != revision)
        {
            string file = SourceCache.HelmRepositoryIndexPath(Context.Options.SourceCacheDirectory, key.Namespace ?? "default", key.Name, sha);
            await AtomicFile.WriteAllBytesAsync(file, body, cancellationToken).ConfigureAwait(false);
            status["artifact"] = new JsonObject
            {
                ["revision"] = revision,
                ["digest"] = revision,
                ["path"] = $"helmrepository/{key.Namespace}/{key.Name}/index-{sha}.yaml",
                ["url"] = new Uri(file).AbsoluteUri,
                ["size"] = body.Length,
                ["lastUpdateTime"] = Time.Format(now),
            };
            status["url"] = new Uri(server, path).AbsoluteUri;
        }

        return (null, $"stored artifact: revision '{revision}'");
    }
}
