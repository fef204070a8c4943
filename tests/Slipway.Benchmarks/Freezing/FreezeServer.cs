using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Slipway.Freezing.Charts;

namespace Slipway.Benchmarks.Freezing;

/// <summary>
/// What a freeze talks to, on 127.0.0.1 in this process: a Helm repository whose <c>index.yaml</c> holds
/// <c>charts × versions</c> entries (written by <see cref="ChartIndex.Write"/>, Helm's layout) and an OCI registry answering
/// <c>HEAD /v2/&lt;name&gt;/manifests/&lt;tag&gt;</c> with <c>Docker-Content-Digest</c> for every image asked. Counts requests.
/// </summary>
internal sealed class FreezeServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly byte[] _index;
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);

    private FreezeServer(WebApplication app, byte[] index)
    {
        _app = app;
        _index = index;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public int IndexBytes => _index.Length;

    public static async Task<FreezeServer> StartAsync(int charts, int versions)
    {
        ChartIndex index = ChartIndex.Empty();
        for (int c = 0; c < charts; c++)
        {
            for (int v = 0; v < versions; v++)
            {
                string version = $"{v / 20}.{v % 20 / 4}.{v % 4}{(v % 10 == 9 ? "-rc.1" : string.Empty)}";
                index.Add(new ChartEntry(ChartName(c), version, "1.0.0", "2026-01-01T00:00:00Z", new string('0', 64), [$"https://charts.example.com/{ChartName(c)}-{version}.tgz"]), "2026-01-01T00:00:00Z");
            }
        }

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new FreezeServer(builder.Build(), Encoding.UTF8.GetBytes(index.Write()));
        server._app.Run(server.HandleAsync);
        await server._app.StartAsync();
        server.BaseAddress = new Uri(server._app.Urls.First().TrimEnd('/') + "/");
        return server;
    }

    public static string ChartName(int chart) => $"chart-{chart:D3}";

    public int Requests(string path) => _requests.GetValueOrDefault(path);

    public void ResetCounts() => _requests.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        string path = context.Request.Path.Value ?? "/";
        _requests.AddOrUpdate(path, 1, static (_, n) => n + 1);
        if (path == "/stable/index.yaml")
        {
            context.Response.ContentType = "application/x-yaml";
            context.Response.ContentLength = _index.Length;
            await context.Response.Body.WriteAsync(_index, context.RequestAborted);
            return;
        }

        int manifests = path.IndexOf("/manifests/", StringComparison.Ordinal);
        if (!path.StartsWith("/v2/", StringComparison.Ordinal) || manifests < 0)
        {
            context.Response.StatusCode = (int)HttpStatusCode.NotFound;
            return;
        }

        byte[] manifest = Encoding.UTF8.GetBytes($"{{\"schemaVersion\":2,\"annotations\":{{\"ref\":\"{path}\"}}}}");
        context.Response.ContentType = "application/vnd.oci.image.manifest.v1+json";
        context.Response.ContentLength = manifest.Length;
        context.Response.Headers["Docker-Content-Digest"] = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(manifest));
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(manifest, context.RequestAborted);
        }
    }
}
