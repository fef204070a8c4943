using System.Net;
using System.Text.Json;
using Slipway.Tests.LocalCluster.Store;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Api;

/// <summary>A user's CustomResourceDefinition over HTTP: discovery, status only when declared, watch until the definition goes.</summary>
public sealed class CustomResourceDefinitionApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_defined_kind_is_discovered_watched_and_deleted_with_its_definition()
    {
        await using ClusterFixture fixture = await ClusterFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = fixture.Cluster.BaseAddress };
        string definition = CustomResourceDefinitionStoreTests.Definition("things", "Thing", "Namespaced", status: false).ToJsonString();
        (await HttpApiTests.Send(http, HttpMethod.Post, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", definition, "application/json")).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/apis/example.com/v1/namespaces/default/things?watch=1&timeoutSeconds=10");
        using HttpResponseMessage watch = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        using var events = new StreamReader(await watch.Content.ReadAsStreamAsync(Ct));

        (await HttpApiTests.Send(http, HttpMethod.Post, "/apis/example.com/v1/namespaces/default/things", """{"metadata":{"name":"t"},"spec":{"n":1}}""", "application/json")).StatusCode.ShouldBe(HttpStatusCode.Created);
        using JsonDocument resources = JsonDocument.Parse(await http.GetStringAsync("/apis/example.com/v1", Ct));
        using HttpResponseMessage status = await http.GetAsync("/apis/example.com/v1/namespaces/default/things/t/status", Ct);
        (await HttpApiTests.Send(http, HttpMethod.Delete, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/things.example.com", null, null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using HttpResponseMessage gone = await http.GetAsync("/apis/example.com/v1/namespaces/default/things", Ct);

        resources.RootElement.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ShouldBe(["things"]);
        status.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        string[] seen = [Type(await events.ReadLineAsync(Ct)), Type(await events.ReadLineAsync(Ct))];
        seen.ShouldBe(["ADDED", "DELETED"]);
    }

    private static string Type(string? line) => JsonDocument.Parse(line!).RootElement.GetProperty("type").GetString()!;
}
