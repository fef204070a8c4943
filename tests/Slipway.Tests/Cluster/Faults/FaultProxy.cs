using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Slipway.LocalCluster.Hosting;

namespace Slipway.Tests.Cluster.Faults;

/// <summary>
/// A reverse proxy on 127.0.0.1 (random port) in front of a real API server — the embedded local cluster — that injects
/// <see cref="ApiFault"/>s: status codes, Retry-After, slowness. Everything else passes through unchanged (streamed, so
/// watches work), and every request is recorded with what it was answered. <see cref="WriteKubeconfigAsync"/> gives a
/// kubeconfig pointing at the proxy, so the build reaches the cluster only through it.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private static readonly HashSet<string> s_hopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Host", "Proxy-Connection", "TE", "Trailer",
    };

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly Uri _upstreamBase;
    private readonly ConcurrentQueue<ProxiedRequest> _requests = new();
    private readonly List<(ApiFault Fault, int Left)> _faults = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private FaultProxy(WebApplication app, Uri upstream)
    {
        _app = app;
        _upstreamBase = upstream;
        _upstream = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The requests seen so far, in order of arrival.</summary>
    public IReadOnlyList<ProxiedRequest> Requests => [.. _requests];

    public static async Task<FaultProxy> StartAsync(Uri upstream)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        var proxy = new FaultProxy(app, upstream);
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        string address = app.Urls.First();
        proxy.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return proxy;
    }

    /// <summary>Adds a fault (checked in the order added; the first that matches and has uses left applies).</summary>
    public void Inject(ApiFault fault)
    {
        lock (_faults)
        {
            _faults.Add((fault, fault.Times));
        }
    }

    /// <summary>Removes every fault: from now on the proxy passes everything through.</summary>
    public void Heal()
    {
        lock (_faults)
        {
            _faults.Clear();
        }
    }

    /// <summary>Writes a kubeconfig (context <c>faulty</c>) whose server is this proxy; returns its path.</summary>
    public async Task<string> WriteKubeconfigAsync(string directory)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, "kubeconfig");
        await File.WriteAllTextAsync(path, Kubeconfig.Render(BaseAddress), TestContext.Current.CancellationToken);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    private ApiFault? Take(string method, string path)
    {
        lock (_faults)
        {
            for (int i = 0; i < _faults.Count; i++)
            {
                (ApiFault fault, int left) = _faults[i];
                if (left > 0 && fault.Matches(method, path))
                {
                    _faults[i] = (fault, left == int.MaxValue ? left : left - 1);
                    return fault;
                }
            }

            return null;
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        string path = request.Path + request.QueryString;
        TimeSpan arrived = _clock.Elapsed;
        ApiFault? fault = Take(request.Method, request.Path);
        if (fault?.Status is { } status)
        {
            _requests.Enqueue(new ProxiedRequest(request.Method, path, (int)status, arrived));
            context.Response.StatusCode = (int)status;
            if (fault.RetryAfter is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await context.Response.WriteAsJsonAsync(
                new { kind = "Status", apiVersion = "v1", status = "Failure", message = fault.Message, reason = status.ToString(), code = (int)status },
                context.RequestAborted);
            return;
        }

        if (fault is not null)
        {
            await Task.Delay(fault.Delay, context.RequestAborted);
        }

        int answered = await ForwardAsync(context, path);
        _requests.Enqueue(new ProxiedRequest(request.Method, path, answered, arrived));
    }

    private async Task<int> ForwardAsync(HttpContext context, string pathAndQuery)
    {
        HttpRequest request = context.Request;
        using var forward = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(_upstreamBase, pathAndQuery.TrimStart('/')));
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            forward.Content = new StreamContent(request.Body);
        }

        foreach ((string name, Microsoft.Extensions.Primitives.StringValues values) in request.Headers)
        {
            if (s_hopByHop.Contains(name))
            {
                continue;
            }

            if (!forward.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)values))
            {
                forward.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)values);
            }
        }

        using HttpResponseMessage response = await _upstream.SendAsync(forward, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach ((string name, IEnumerable<string> values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!s_hopByHop.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await using Stream body = await response.Content.ReadAsStreamAsync(context.RequestAborted);
        byte[] buffer = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted); // watch events arrive as they happen
        }

        return (int)response.StatusCode;
    }
}
