using System.Net;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Slipway.LocalCluster.Charts;
using Slipway.LocalCluster.Images;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Api;

/// <summary>
/// The HTTP server: Kestrel on 127.0.0.1 serving <see cref="ApiRouter"/>, no logging, no Ctrl+C handling of its own.
/// Kestrel is started directly, without the generic host, dependency injection or endpoint routing: the first start in a
/// process reaches listening about 80 ms sooner (measured with the <c>local-cluster</c> benchmark), which every
/// <c>./build.sh</c> run that starts a local cluster pays.
/// </summary>
internal sealed class ApiServer : IAsyncDisposable
{
    private readonly KestrelServer _server;
    private readonly CancellationTokenSource _stopping;

    private ApiServer(KestrelServer server, CancellationTokenSource stopping, Uri baseAddress)
    {
        _server = server;
        _stopping = stopping;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>
    /// Starts the server while the store loads (<paramref name="loadingStore"/>, on another thread) and returns once both are
    /// done; when loading fails the server is stopped again and the failure thrown.
    /// </summary>
    public static async Task<ApiServer> StartAsync(
        Task<InMemoryResourceStore> loadingStore,
        ImageCatalog images,
        ChartMirror? charts,
        ApiServerSettings settings,
        CancellationToken cancellationToken)
    {
        var options = new KestrelServerOptions { AddServerHeader = false };
        options.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
        options.Listen(IPAddress.Loopback, settings.Port);
        var transport = new SocketTransportFactory(Options.Create(new SocketTransportOptions()), NullLoggerFactory.Instance);
        var server = new KestrelServer(Options.Create(options), transport, NullLoggerFactory.Instance);
        var stopping = new CancellationTokenSource();
        try
        {
            var router = new ApiRouter(loadingStore, settings, new RegistryApi(images), new ChartRepositoryApi(charts), stopping.Token);
            await server.StartAsync(router, cancellationToken).ConfigureAwait(false);
            await loadingStore.ConfigureAwait(false);
            string address = server.Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new ApiServer(server, stopping, new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal)));
        }
        catch
        {
            server.Dispose();
            stopping.Dispose();
            throw;
        }
    }

    /// <summary>Ends watches and fails readiness at once, then lets requests in flight finish until <paramref name="cancellationToken"/>.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _server.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        _server.Dispose();
        _stopping.Dispose();
        return ValueTask.CompletedTask;
    }
}
