using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Slipway.LocalCluster.Charts;
using Slipway.LocalCluster.Controllers;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Hosting;
using Slipway.LocalCluster.Store;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Controllers;

/// <summary>The controllers registered with the real host, driven over its HTTP API as kubectl or KubernetesClient would.</summary>
public sealed class HostedControllersTests : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "slipway-hosted-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task Deployment_posted_over_http_becomes_available_and_nodes_are_ready()
    {
        CancellationToken cancel = TestContext.Current.CancellationToken;
        await using LocalClusterHandle cluster = await LocalClusterHost.StartAsync(
            new LocalClusterOptions { StateDirectory = _directory, PodReadyDelay = TimeSpan.FromMilliseconds(50), Controllers = LocalClusterControllers.All },
            cancel);
        await cluster.Images.PublishAsync("registry.local/web", "1.0", crash: false, cancel);
        using var http = new HttpClient { BaseAddress = cluster.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        string deployment = Workloads.DeploymentControllerTests.Deployment("web", "registry.local/web:1.0", replicas: 2);

        using HttpResponseMessage created = await http.PostAsync("/apis/apps/v1/namespaces/default/deployments", new StringContent(deployment, System.Text.Encoding.UTF8, "application/json"), cancel);

        created.IsSuccessStatusCode.ShouldBeTrue();
        JsonObject available = await PollAsync(http, "/apis/apps/v1/namespaces/default/deployments/web", d => d.Long("status", "availableReplicas") == 2);
        Conditions.Find(available.Obj("status")!, "Progressing")!.Str("reason").ShouldBe("NewReplicaSetAvailable");
        JsonObject nodes = await PollAsync(http, "/api/v1/nodes", n => n.Arr("items")?.Count == 1);
        Conditions.IsTrue(nodes.Arr("items")![0]!.Obj("status"), "Ready").ShouldBeTrue();
        JsonObject pods = await PollAsync(http, "/api/v1/namespaces/default/pods", p => p.Arr("items")?.Count == 2);
        pods.Arr("items")!.ShouldAllBe(p => p.Str("status", "phase") == "Running");
    }

    [Fact]
    public async Task Restarted_cluster_keeps_releases_and_pods_without_redoing_them()
    {
        CancellationToken cancel = TestContext.Current.CancellationToken;
        var options = new LocalClusterOptions { StateDirectory = _directory, PodReadyDelay = TimeSpan.FromMilliseconds(50), Controllers = LocalClusterControllers.All, ChartMirrorDirectory = Path.Combine(_directory, "charts") };
        await ChartPublisher.PublishAsync(new ChartMirror(options.ChartMirrorDirectory), Flux.HelmReleaseControllerTests.ChartsUrl, "web", "1.2.0", DateTimeOffset.UtcNow, cancel);
        string[] podsBefore;
        await using (LocalClusterHandle first = await LocalClusterHost.StartAsync(options, cancel))
        {
            await first.Images.PublishAsync("registry.local/web", "1.0", crash: false, cancel);
            first.Store!.Create(KnownResourceTypes.HelmRepository, "flux-system", JsonNode.Parse(ControllersFixture.HelmRepository("charts", "flux-system", Flux.HelmReleaseControllerTests.ChartsUrl))!.AsObject());
            first.Store!.Create(KnownResourceTypes.HelmRelease, "flux-system", JsonNode.Parse(Flux.HelmReleaseControllerTests.HelmRelease(tag: "1.0", replicas: 2))!.AsObject());
            await Eventually.Until(() => first.Store.Get(KnownResourceTypes.HelmRelease, "flux-system", "web")!, r => Conditions.IsTrue(r.Obj("status"), "Ready"), "the release");
            podsBefore = PodNames(first.Store);
        }

        await using LocalClusterHandle second = await LocalClusterHost.StartAsync(options, cancel);
        second.Store!.Create(KnownResourceTypes.Deployment, "default", JsonNode.Parse(Workloads.DeploymentControllerTests.Deployment("witness", "registry.local/web:1.0"))!.AsObject());
        await Eventually.Until(() => second.Store.Get(KnownResourceTypes.Deployment, "default", "witness")!, d => d.Long("status", "availableReplicas") == 1, "the witness deployment");

        JsonObject release = second.Store.Get(KnownResourceTypes.HelmRelease, "flux-system", "web")!;
        release.Arr("status", "history")!.Count.ShouldBe(1);
        Conditions.Find(release.Obj("status")!, "Ready")!.Str("reason").ShouldBe("InstallSucceeded");
        PodNames(second.Store).ShouldBe(podsBefore);
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }

        return ValueTask.CompletedTask;
    }

    private static string[] PodNames(IResourceStore store)
        => store.List(KnownResourceTypes.Pod, "apps").Select(p => p.Str("metadata", "name")!).ToArray();

    private static Task<JsonObject> PollAsync(HttpClient http, string path, Func<JsonObject, bool> done)
        => Eventually.Until(
            async () => await http.GetFromJsonAsync<JsonObject>(path, TestContext.Current.CancellationToken) ?? [],
            done,
            path);
}
