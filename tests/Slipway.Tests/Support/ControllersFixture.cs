using System.Text.Json.Nodes;
using Slipway.LocalCluster;
using Slipway.LocalCluster.Api;
using Slipway.LocalCluster.Charts;
using Slipway.LocalCluster.Controllers;
using Slipway.LocalCluster.Images;
using Slipway.LocalCluster.Store;

namespace Slipway.Tests.Support;

/// <summary>The real in-memory store with every controller running on it, short delays, and a temp directory.</summary>
internal sealed class ControllersFixture : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _running = [];
    private readonly ApiServer _server;

    public ControllersFixture(Func<ControllerOptions, ControllerOptions>? configure = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "slipway-controllers-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Directory);
        var options = new ControllerOptions
        {
            SourceCacheDirectory = Path.Combine(Directory, "sources"),
            PodReadyDelay = TimeSpan.FromMilliseconds(50),
            CrashRestartInterval = TimeSpan.FromMilliseconds(50),
            ImagePullRetryInterval = TimeSpan.FromMilliseconds(50),
            Log = new TestOutputLogger(),
        };
        Images = new ImageCatalog(Path.Combine(Directory, "images.yaml"));
        Charts = new ChartMirror(Path.Combine(Directory, "charts"));

        // The chart repositories are served over real HTTP, as the hosted cluster serves them (ApiServer on 127.0.0.1:0).
        _server = ApiServer.StartAsync(Task.FromResult(Store), Images, Charts, new ApiServerSettings(0, TimeSpan.FromMinutes(1)), CancellationToken.None).GetAwaiter().GetResult();
        options = options with { ChartRepositoryAddress = _server.BaseAddress, DependencyRequeueInterval = TimeSpan.FromMilliseconds(200) };
        Options = configure is null ? options : configure(options);
        foreach (IClusterController controller in LocalClusterControllers.Create(Store, Images, Options))
        {
            _running.Add(Task.Run(() => controller.RunAsync(_stop.Token)));
        }
    }

    public InMemoryResourceStore Store { get; } = new();

    public ImageCatalog Images { get; }

    /// <summary>Publishes <c>repository:tag</c> to the real image catalogue, as <c>./build.sh PublishImage</c> does.</summary>
    public Task PublishAsync(string image, bool crash = false)
    {
        int colon = image.LastIndexOf(':');
        return Images.PublishAsync(image[..colon], image[(colon + 1)..], crash, TestContext.Current.CancellationToken);
    }

    public ControllerOptions Options { get; }

    /// <summary>The chart mirror the fixture's HTTP server serves at <c>/charts/</c>.</summary>
    public ChartMirror Charts { get; }

    /// <summary>Mirrors chart versions of <paramref name="url"/> (as <c>./build.sh PublishChart</c>) and creates a HelmRepository for it.</summary>
    public async Task AddChartRepositoryAsync(string url, string chart, string[] versions, string name = "charts", string ns = "flux-system")
    {
        foreach (string version in versions)
        {
            await ChartPublisher.PublishAsync(Charts, url, chart, version, DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);
        }

        Create(KnownResourceTypes.HelmRepository, HelmRepository(name, ns, url));
    }

    public static string HelmRepository(string name, string ns, string url) => new JsonObject
    {
        ["apiVersion"] = "source.toolkit.fluxcd.io/v1",
        ["kind"] = "HelmRepository",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["spec"] = new JsonObject { ["interval"] = "1h", ["url"] = url },
    }.ToJsonString();

    public string Directory { get; }

    public JsonObject? Get(ResourceType type, string? ns, string name) => Store.Get(type, ns, name);

    public JsonObject Create(ResourceType type, string json)
    {
        JsonObject obj = JsonNode.Parse(json)!.AsObject();
        return Store.Create(type, obj["metadata"]?["namespace"]?.GetValue<string>(), obj);
    }

    /// <summary>Changes an object as a client would: read, edit, write back with its resourceVersion (retrying conflicts).</summary>
    public JsonObject Edit(ResourceType type, string? ns, string name, Action<JsonObject> edit)
    {
        for (int attempt = 0; ; attempt++)
        {
            JsonObject obj = Store.Get(type, ns, name) ?? throw new InvalidOperationException($"{name} not found");
            edit(obj);
            try
            {
                return Store.Update(type, ns, obj, statusOnly: false);
            }
            catch (StoreException conflict) when (conflict.Code == 409 && attempt < 50)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_running);
        await _server.StopAsync(CancellationToken.None);
        await _server.DisposeAsync();
        _stop.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
