using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Store;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Controllers.Workloads;

public sealed class EndpointsControllerTests
{
    [Fact]
    public async Task Service_gets_Endpoints_and_an_EndpointSlice_from_its_ready_pods()
    {
        await using var cluster = new ControllersFixture();
        await cluster.PublishAsync("registry.local/web:1.0");
        cluster.Create(KnownResourceTypes.Deployment, DeploymentControllerTests.Deployment("web", "registry.local/web:1.0", replicas: 2));
        cluster.Create(KnownResourceTypes.Deployment, DeploymentControllerTests.Deployment("broken", "registry.local/web:missing"));

        cluster.Create(KnownResourceTypes.Service, Service("web", "web"));
        cluster.Create(KnownResourceTypes.Service, Service("broken", "broken"));

        JsonObject endpoints = await Eventually.Until(
            () => cluster.Get(KnownResourceTypes.Endpoints, "default", "web") ?? [],
            e => e.Arr("subsets")?[0]?.AsObject().Arr("addresses")?.Count == 2,
            "two ready addresses");
        List<JsonObject> pods = [.. cluster.Store.List(KnownResourceTypes.Pod, "default").Where(p => p.Str("metadata", "labels", "app") == "web")];
        JsonObject subset = endpoints.Arr("subsets")![0]!.AsObject();
        subset.Arr("addresses")!.Select(a => a.Str("ip")).ShouldBe(pods.Select(p => p.Str("status", "podIP")), ignoreOrder: true);
        subset.Arr("addresses")!.Select(a => a.Str("targetRef", "name")).ShouldBe(pods.Select(p => p.Str("metadata", "name")), ignoreOrder: true);
        subset.Arr("ports")![0]!.Long("port").ShouldBe(8080);
        JsonObject slice = cluster.Store.List(KnownResourceTypes.EndpointSlice, "default").Single(s => s.Str("metadata", "labels", "kubernetes.io/service-name") == "web");
        slice.Str("addressType").ShouldBe("IPv4");
        slice.Arr("endpoints")!.Count.ShouldBe(2);
        slice.Arr("endpoints")!.ShouldAllBe(e => e.Bool("conditions", "ready"));
        slice.Arr("metadata", "ownerReferences")![0].Str("name").ShouldBe("web");

        JsonObject broken = await Eventually.Until(
            () => cluster.Get(KnownResourceTypes.Endpoints, "default", "broken") ?? [],
            e => e.Arr("subsets")?[0]?.AsObject().Arr("notReadyAddresses")?.Count == 1,
            "a not-ready address");
        broken.Arr("subsets")![0]!.AsObject().ContainsKey("addresses").ShouldBeFalse();
    }

    [Fact]
    public async Task Deleting_the_Service_deletes_its_Endpoints()
    {
        await using var cluster = new ControllersFixture();
        cluster.Create(KnownResourceTypes.Service, Service("web", "web"));
        await Eventually.Until(() => cluster.Get(KnownResourceTypes.Endpoints, "default", "web"), e => e is not null, "the Endpoints");

        cluster.Store.Delete(KnownResourceTypes.Service, "default", "web");

        await Eventually.Until(() => cluster.Get(KnownResourceTypes.Endpoints, "default", "web"), e => e is null, "the Endpoints to go");
        cluster.Store.List(KnownResourceTypes.EndpointSlice, "default").ShouldBeEmpty();
    }

    private static string Service(string name, string app) => $$"""
        {
          "apiVersion": "v1", "kind": "Service",
          "metadata": { "name": "{{name}}", "namespace": "default" },
          "spec": { "selector": { "app": "{{app}}" }, "ports": [ { "name": "http", "port": 80, "targetPort": 8080 } ] }
        }
        """;
}
