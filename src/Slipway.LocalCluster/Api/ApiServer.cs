using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Slipway.LocalCluster.Api.OpenApi;
using Slipway.LocalCluster.Charts;
using Slipway.LocalCluster.Hosting;
using Slipway.LocalCluster.Images;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Api;

/// <summary>
/// The HTTP server: Kestrel on 127.0.0.1, minimal API routes for discovery, resources, the OCI registry and the Helm chart repositories, no logging,
/// no Ctrl+C handling of its own. Anything else is a 404 <c>Status</c>.
/// </summary>
internal static class ApiServer
{
    /// <summary>Builds and starts the server; the store is loaded meanwhile (<paramref name="loadingStore"/>) and awaited before serving.</summary>
    public static async Task<(WebApplication App, Uri BaseAddress)> StartAsync(
        Task<InMemoryResourceStore> loadingStore,
        ImageCatalog images,
        ChartMirror? charts,
        ApiServerSettings settings,
        string contentRoot,
        CancellationToken cancellationToken)
    {
        // The empty builder (no configuration files, no logging providers) reaches listening ~50 ms sooner than the slim one.
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = [], ContentRootPath = contentRoot });
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, QuietHostLifetime>();
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, settings.Port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
        });
        WebApplication app = builder.Build();
        InMemoryResourceStore store;
        try
        {
            store = await loadingStore.ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        CancellationToken stopping = app.Lifetime.ApplicationStopping;
        var resources = new ResourceApi(store, settings.WatchBookmarkInterval, stopping);
        var registry = new RegistryApi(images);
        var chartRepositories = new ChartRepositoryApi(charts);
        var openApi = new OpenApiEndpoint(new OpenApiDocuments(store.Schemas));

        app.MapGet("/version", (HttpContext context) => ApiResponses.WriteJsonAsync(context, 200, Discovery.Version()));
        var health = new HealthApi(stopping);
        foreach (string check in new[] { "/healthz", "/livez", "/readyz" })
        {
            app.MapGet(check, health.HandleAsync);
            app.MapGet(check + "/{check}", health.HandleAsync);
        }

        foreach ((string resource, string kind) in AuthorizationApi.Reviews)
        {
            app.Map($"/apis/{AuthorizationApi.Group}/v1/{resource}", (HttpContext context) => AuthorizationApi.HandleAsync(context, kind));
        }

        app.MapGet("/openapi/{**rest}", (HttpContext context) => ServeAsync(context, openApi.HandleAsync));
        app.Map("/api/{**rest}", (HttpContext context) => resources.HandleAsync(context, core: true));
        app.Map("/apis/{**rest}", (HttpContext context) => resources.HandleAsync(context, core: false));
        app.Map("/v2/{**rest}", registry.HandleAsync);
        app.Map("/charts/{**rest}", chartRepositories.HandleAsync);
        app.MapFallback((HttpContext context) => ApiResponses.WriteStatusAsync(context, ApiResponses.NotFoundPath(context.Request.Path)));

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal)));
    }

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
}
