using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Api;

/// <summary>The API server over plain HTTP: what clients other than KubernetesClient send and see.</summary>
public sealed class HttpApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Server_side_apply_takes_yaml()
    {
        await using ClusterFixture fixture = await ClusterFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = fixture.Cluster.BaseAddress };
        const string yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              labels: {app: web}
            spec:
              replicas: 2
              paused: false
            """;

        using HttpResponseMessage response = await Send(http, HttpMethod.Patch, "/apis/apps/v1/namespaces/default/deployments/web?fieldManager=slipway", yaml, "application/apply-patch+yaml");

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        body.RootElement.GetProperty("spec").GetProperty("replicas").GetInt32().ShouldBe(2);
        body.RootElement.GetProperty("spec").GetProperty("paused").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task A_watch_from_a_version_older_than_the_history_gets_an_expired_error_event()
    {
        await using ClusterFixture fixture = await ClusterFixture.StartAsync(o => o with { WatchHistory = 2 });
        using var http = new HttpClient { BaseAddress = fixture.Cluster.BaseAddress };
        for (int i = 0; i < 4; i++)
        {
            using HttpResponseMessage created = await Send(http, HttpMethod.Post, "/api/v1/namespaces/default/configmaps", $$$"""{"metadata":{"name":"c{{{i}}}"}}""", "application/json");
            created.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        string stream = await http.GetStringAsync("/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=1&timeoutSeconds=5", Ct);

        using JsonDocument error = JsonDocument.Parse(stream.Trim());
        error.RootElement.GetProperty("type").GetString().ShouldBe("ERROR");
        error.RootElement.GetProperty("object").GetProperty("code").GetInt32().ShouldBe(410);
        error.RootElement.GetProperty("object").GetProperty("reason").GetString().ShouldBe("Expired");
    }

    [Fact]
    public async Task A_watch_without_a_version_starts_with_the_existing_objects_and_ends_at_its_timeout()
    {
        await using ClusterFixture fixture = await ClusterFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = fixture.Cluster.BaseAddress };

        string stream = await http.GetStringAsync("/api/v1/namespaces?watch=1&timeoutSeconds=1", Ct);

        string[] lines = stream.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(4);
        lines.ShouldAllBe(line => line.StartsWith("{\"type\":\"ADDED\",\"object\":{", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("GET", "/api/v1/nothings", null, null, 404, "NotFound")]
    [InlineData("GET", "/apis/example.com/v1/widgets", null, null, 404, "NotFound")]
    [InlineData("GET", "/api/v1/pods/name-without-namespace", null, null, 404, "NotFound")]
    [InlineData("POST", "/api/v1/namespaces/default/configmaps", "{not json", "application/json", 400, "BadRequest")]
    [InlineData("POST", "/api/v1/namespaces/default/configmaps", "x", "application/vnd.kubernetes.protobuf", 400, "BadRequest")]
    [InlineData("POST", "/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"a","namespace":"other"}}""", "application/json", 400, "BadRequest")]
    [InlineData("PUT", "/api/v1/namespaces/default/configmaps/a", """{"metadata":{"name":"b"}}""", "application/json", 400, "BadRequest")]
    [InlineData("PATCH", "/api/v1/namespaces/default/configmaps/a", "{}", "text/plain", 415, "UnsupportedMediaType")]
    [InlineData("PATCH", "/api/v1/namespaces/default/configmaps/a?force=true", "{}", "application/merge-patch+json", 422, "Invalid")]
    [InlineData("GET", "/api/v1/pods?limit=x", null, null, 400, "BadRequest")]
    [InlineData("GET", "/api/v1/pods?continue=%%%", null, null, 400, "BadRequest")]
    public async Task Bad_requests_get_a_status_object(string method, string path, string? body, string? contentType, int code, string reason)
    {
        await using ClusterFixture fixture = await ClusterFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = fixture.Cluster.BaseAddress };

        using HttpResponseMessage response = await Send(http, new HttpMethod(method), path, body, contentType);

        ((int)response.StatusCode).ShouldBe(code);
        using JsonDocument status = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        status.RootElement.GetProperty("kind").GetString().ShouldBe("Status");
        status.RootElement.GetProperty("reason").GetString().ShouldBe(reason);
        status.RootElement.GetProperty("code").GetInt32().ShouldBe(code);
    }

    [Fact]
    public async Task Concurrent_writers_over_http_never_lose_an_update()
    {
        await using ClusterFixture fixture = await ClusterFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = fixture.Cluster.BaseAddress };
        (await Send(http, HttpMethod.Post, "/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"counter"},"data":{}}""", "application/json")).Dispose();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(
            async () =>
            {
                for (int i = 0; i < 10; i++)
                {
                    using HttpResponseMessage response = await Send(
                        http, HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/counter", $$$"""{"data":{"w{{{writer}}}-{{{i}}}":"x"}}""", "application/merge-patch+json");
                    response.StatusCode.ShouldBe(HttpStatusCode.OK);
                }
            },
            Ct)));

        using JsonDocument counter = JsonDocument.Parse(await http.GetStringAsync("/api/v1/namespaces/default/configmaps/counter", Ct));
        counter.RootElement.GetProperty("data").EnumerateObject().Count().ShouldBe(80);
    }

    internal static async Task<HttpResponseMessage> Send(HttpClient http, HttpMethod method, string path, string? body, string? contentType)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType!);
        }

        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
