using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Slipway.Freezing.Charts;
using Slipway.Tests.Support;

namespace Slipway.Tests.Freezing.Charts;

/// <summary>
/// A Helm repository on 127.0.0.1: <c>GET &lt;path&gt;</c> answers the text set for that path (an <c>index.yaml</c> that
/// <see cref="ChartIndex.Write"/> wrote, a tag list, anything), each after <see cref="Delay"/>, and counts the requests per path.
/// </summary>
public sealed class ChartRepositoryServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (int Status, string Body)> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<int> _failuresFirst = new();
    private TestHttpServer? _server;

    public TimeSpan Delay { get; set; }

    public Uri BaseAddress => _server!.BaseAddress;

    public static async Task<ChartRepositoryServer> StartAsync()
    {
        var repository = new ChartRepositoryServer();
        repository._server = await TestHttpServer.StartAsync(app => app.Run(repository.HandleAsync));
        return repository;
    }

    /// <summary>An <c>index.yaml</c> with <paramref name="versions"/> of each chart, in Helm's layout.</summary>
    public static string Index(params (string Chart, string[] Versions)[] charts)
    {
        ChartIndex index = ChartIndex.Empty();
        foreach ((string chart, string[] versions) in charts)
        {
            foreach (string version in versions)
            {
                index.Add(new ChartEntry(chart, version, "1.0", "2025-01-01T00:00:00Z", new string('a', 64), [$"https://charts.example.com/{chart}-{version}.tgz"]), "2025-01-01T00:00:00Z");
            }
        }

        return index.Write();
    }

    public void Serve(string path, string body, int status = 200) => _files[path] = (status, body);

    /// <summary>The next requests (any path) answer these statuses first, one each.</summary>
    public void FailFirst(params int[] statuses)
    {
        foreach (int status in statuses)
        {
            _failuresFirst.Enqueue(status);
        }
    }

    public int Requests(string path) => _requests.GetValueOrDefault(path);

    public Uri Url(string path) => _server!.Url(path.TrimStart('/'));

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task HandleAsync(HttpContext context)
    {
        string path = context.Request.Path.Value ?? "/";
        _requests.AddOrUpdate(path, 1, static (_, n) => n + 1);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }

        if (_failuresFirst.TryDequeue(out int failure))
        {
            context.Response.StatusCode = failure;
            return;
        }

        (int status, string body) = _files.TryGetValue(path, out var file) ? file : (404, "404 page not found");
        context.Response.StatusCode = status;
        await context.Response.WriteAsync(body, context.RequestAborted);
    }
}
