using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Slipway.LocalCluster.Api.OpenApi;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Api;

/// <summary>
/// The server's one request handler: Kestrel calls it for every request and it picks the API by the path's first segment
/// (case-sensitive, as the real API server's mux is): <c>/version</c>, the health checks, the self reviews, <c>/openapi</c>,
/// <c>/api</c>, <c>/apis</c>, the OCI registry's <c>/v2</c> and the chart repositories' <c>/charts</c>; anything else is a
/// 404 <c>Status</c>. A handful of prefixes needs no routing table (nothing to build or compile at start).
/// The router is made before the store has loaded, so that Kestrel starts meanwhile; the server is announced (endpoint file,
/// kubeconfig) only once the store is there, so in practice no request waits for it.
/// </summary>
internal sealed class ApiRouter : IHttpApplication<HttpContext>
{
    private const string ReviewPrefix = "/apis/" + AuthorizationApi.Group + "/";
    private readonly Task<StoreApis> _storeApis;
    private readonly RegistryApi _registry;
    private readonly ChartRepositoryApi _charts;
    private readonly HealthApi _health;

    public ApiRouter(Task<InMemoryResourceStore> loadingStore, ApiServerSettings settings, RegistryApi registry, ChartRepositoryApi charts, CancellationToken stopping)
    {
        _storeApis = loadingStore.ContinueWith(
            loaded => new StoreApis(
                new ResourceApi(loaded.Result, settings.WatchBookmarkInterval, stopping),
                new OpenApiEndpoint(new OpenApiDocuments(loaded.Result.Schemas))),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously | TaskContinuationOptions.OnlyOnRanToCompletion,
            TaskScheduler.Default);
        _registry = registry;
        _charts = charts;
        _health = new HealthApi(stopping);
    }

    public HttpContext CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures);

    public void DisposeContext(HttpContext context, Exception? exception)
    {
    }

    public Task ProcessRequestAsync(HttpContext context)
        => _storeApis.IsCompletedSuccessfully ? Route(context, _storeApis.Result) : RouteWhenLoadedAsync(context);

    private async Task RouteWhenLoadedAsync(HttpContext context) => await Route(context, await _storeApis.ConfigureAwait(false)).ConfigureAwait(false);

    private Task Route(HttpContext context, StoreApis apis)
    {
        string path = context.Request.Path.Value ?? "/";
        ReadOnlySpan<char> first = FirstSegment(path, out bool more);
        string method = context.Request.Method;
        return first switch
        {
            "api" => apis.Resources.HandleAsync(context, core: true),
            "apis" when ReviewKind(path) is string kind => AuthorizationApi.HandleAsync(context, kind),
            "apis" => apis.Resources.HandleAsync(context, core: false),
            "version" when !more => GetOnly(context, method, static c => ApiResponses.WriteJsonAsync(c, 200, Discovery.Version())),
            "healthz" or "livez" or "readyz" when SegmentCount(path) <= 2 => GetOnly(context, method, _health.HandleAsync),
            "openapi" => GetOnly(context, method, c => ServeAsync(c, apis.OpenApi.HandleAsync)),
            "v2" => _registry.HandleAsync(context),
            "charts" => _charts.HandleAsync(context),
            _ => NotFound(context),
        };
    }

    /// <summary>The path's first segment; <paramref name="more"/> says whether anything but a slash follows it.</summary>
    private static ReadOnlySpan<char> FirstSegment(string path, out bool more)
    {
        ReadOnlySpan<char> rest = path.AsSpan().TrimStart('/');
        int slash = rest.IndexOf('/');
        more = slash >= 0 && rest[(slash + 1)..].TrimStart('/').Length > 0;
        return slash < 0 ? rest : rest[..slash];
    }

    private static int SegmentCount(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>The review kind for <c>/apis/authorization.k8s.io/v1/&lt;review&gt;</c>, else null.</summary>
    private static string? ReviewKind(string path)
    {
        if (!path.StartsWith(ReviewPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        string[] segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length != 4 || segments[1] != AuthorizationApi.Group || segments[2] != "v1")
        {
            return null;
        }

        foreach ((string resource, string kind) in AuthorizationApi.Reviews)
        {
            if (segments[3] == resource)
            {
                return kind;
            }
        }

        return null;
    }

    private static Task GetOnly(HttpContext context, string method, Func<HttpContext, Task> handler)
        => HttpMethods.IsGet(method) || HttpMethods.IsHead(method)
            ? handler(context)
            : ApiResponses.WriteStatusAsync(context, ApiResponses.MethodNotAllowed(method));

    private static Task NotFound(HttpContext context) => ApiResponses.WriteStatusAsync(context, ApiResponses.NotFoundPath(context.Request.Path));

    /// <summary>Runs a handler that reports failures as <see cref="StoreException"/>, answering them as <c>Status</c> objects.</summary>
    private static async Task ServeAsync(HttpContext context, Func<HttpContext, Task> handler)
    {
        try
        {
            await handler(context).ConfigureAwait(false);
        }
        catch (StoreException error) when (!context.Response.HasStarted)
        {
            await ApiResponses.WriteStatusAsync(context, error).ConfigureAwait(false);
        }
    }

    /// <summary>The APIs that serve the store: made once it has loaded.</summary>
    private sealed record StoreApis(ResourceApi Resources, OpenApiEndpoint OpenApi);
}
