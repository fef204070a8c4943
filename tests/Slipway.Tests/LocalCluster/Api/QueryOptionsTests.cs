using System.Net;
using System.Text.Json;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Api;

/// <summary>Query parameters spelled as clients other than kubectl spell them, decoded as the real API server decodes them.</summary>
public sealed class QueryOptionsTests(SharedCluster shared) : IClassFixture<SharedCluster>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("watch=True")]
    [InlineData("watch=t")]
    [InlineData("watch=")]
    [InlineData("watch")]
    [InlineData("watch=yes")]
    [InlineData("watch=1")]
    public async Task Any_watch_value_but_false_and_0_starts_a_watch(string flag)
    {
        using var http = new HttpClient { BaseAddress = shared.Cluster.BaseAddress };

        string stream = await http.GetStringAsync($"/api/v1/namespaces?{flag}&timeoutSeconds=1", Ct);

        string[] lines = stream.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldNotBeEmpty();
        lines.ShouldAllBe(line => line.StartsWith("{\"type\":\"ADDED\",\"object\":{", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("watch=false")]
    [InlineData("watch=FALSE")]
    [InlineData("watch=False")]
    [InlineData("watch=0")]
    [InlineData("watch=false&watch=true")]
    public async Task False_in_any_case_and_0_answer_a_list(string flag)
    {
        using var http = new HttpClient { BaseAddress = shared.Cluster.BaseAddress };

        using JsonDocument list = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/namespaces?{flag}", Ct));

        list.RootElement.GetProperty("kind").GetString().ShouldBe("NamespaceList");
    }

    [Theory]
    [InlineData("pretty=true", true)]
    [InlineData("pretty=T", true)]
    [InlineData("pretty=1", true)]
    [InlineData("pretty=yes", false)]
    [InlineData("pretty=", false)]
    [InlineData("pretty=0", false)]
    public async Task Pretty_is_read_as_Go_parses_a_bool(string flag, bool indented)
    {
        using var http = new HttpClient { BaseAddress = shared.Cluster.BaseAddress };

        string body = await http.GetStringAsync($"/api/v1/namespaces/default?{flag}", Ct);

        body.Contains('\n').ShouldBe(indented);
        JsonDocument.Parse(body).Dispose();
    }

    [Theory]
    [InlineData("GET", "/api/v1/configmaps?limit=x", 400, "BadRequest", "\"limit\"")]
    [InlineData("GET", "/api/v1/configmaps?watch=true&timeoutSeconds=soon", 400, "BadRequest", "\"timeoutSeconds\"")]
    [InlineData("GET", "/api/v1/configmaps?resourceVersion=abc", 400, "BadRequest", "invalid resource version")]
    [InlineData("GET", "/api/v1/configmaps?resourceVersionMatch=Exact", 422, "Invalid", "resourceVersionMatch is forbidden unless resourceVersion is provided")]
    [InlineData("GET", "/api/v1/configmaps?resourceVersion=1&resourceVersionMatch=Newest", 422, "Invalid", "resourceVersionMatch: Unsupported value: \"Newest\"")]
    [InlineData("GET", "/api/v1/configmaps?sendInitialEvents=true", 422, "Invalid", "sendInitialEvents is forbidden for list")]
    [InlineData("GET", "/api/v1/configmaps?watch=true&sendInitialEvents=true", 422, "Invalid", "sendInitialEvents requires setting resourceVersionMatch to NotOlderThan")]
    [InlineData("GET", "/api/v1/configmaps?watch=true&resourceVersionMatch=NotOlderThan", 422, "Invalid", "resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided")]
    [InlineData("POST", "/api/v1/namespaces/default/configmaps?dryRun=Some", 422, "Invalid", "CreateOptions.meta.k8s.io \"\" is invalid: dryRun: Unsupported value")]
    [InlineData("DELETE", "/api/v1/namespaces/default/configmaps/any?propagationPolicy=Later", 422, "Invalid", "propagationPolicy: Unsupported value: \"Later\"")]
    [InlineData("DELETE", "/api/v1/namespaces/default/configmaps/any?gracePeriodSeconds=ten", 400, "BadRequest", "\"gracePeriodSeconds\"")]
    [InlineData("DELETE", "/api/v1/namespaces/default/configmaps?propagationPolicy=Orphan&orphanDependents=false", 422, "Invalid", "orphanDependents and deletionPropagation cannot be both set")]
    public async Task Invalid_values_get_a_status_naming_the_parameter(string method, string path, int code, string reason, string message)
    {
        using var http = new HttpClient { BaseAddress = shared.Cluster.BaseAddress };

        using HttpResponseMessage response = await HttpApiTests.Send(http, new HttpMethod(method), path, method == "POST" ? """{"metadata":{"name":"q"}}""" : null, "application/json");

        ((int)response.StatusCode).ShouldBe(code);
        using JsonDocument status = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        status.RootElement.GetProperty("kind").GetString().ShouldBe("Status");
        status.RootElement.GetProperty("reason").GetString().ShouldBe(reason);
        status.RootElement.GetProperty("message").GetString()!.ShouldContain(message);
    }

    [Fact]
    public async Task A_watch_spelled_True_sees_changes()
    {
        using var http = new HttpClient { BaseAddress = shared.Cluster.BaseAddress };
        using HttpResponseMessage list = await HttpApiTests.Send(http, HttpMethod.Get, "/api/v1/namespaces/default/configmaps", null, null);
        string version = JsonDocument.Parse(await list.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("metadata").GetProperty("resourceVersion").GetString()!;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/namespaces/default/configmaps?watch=True&resourceVersion={version}&timeoutSeconds=10");
        using HttpResponseMessage watch = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        using var reader = new StreamReader(await watch.Content.ReadAsStreamAsync(Ct));

        using HttpResponseMessage created = await HttpApiTests.Send(http, HttpMethod.Post, "/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"seen-by-watch-true"}}""", "application/json");
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        string? line = await reader.ReadLineAsync(Ct);

        using JsonDocument change = JsonDocument.Parse(line!);
        change.RootElement.GetProperty("type").GetString().ShouldBe("ADDED");
        change.RootElement.GetProperty("object").GetProperty("metadata").GetProperty("name").GetString().ShouldBe("seen-by-watch-true");
    }
}
