using System.Net;
using System.Text.Json;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Api;

/// <summary>How the server picks an API by path, and how a list answer is framed, over plain HTTP.</summary>
public sealed class ApiRouterTests(SharedCluster shared) : IClassFixture<SharedCluster>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/API/v1", HttpStatusCode.NotFound)]
    [InlineData("/Version", HttpStatusCode.NotFound)]
    [InlineData("/version/extra", HttpStatusCode.NotFound)]
    [InlineData("/healthz/ping/extra", HttpStatusCode.NotFound)]
    [InlineData("/nothing-here", HttpStatusCode.NotFound)]
    [InlineData("/api", HttpStatusCode.OK)]
    [InlineData("/apis/", HttpStatusCode.OK)]
    [InlineData("/version", HttpStatusCode.OK)]
    public async Task Paths_are_matched_case_sensitively_as_the_real_servers_are(string path, HttpStatusCode expected)
    {
        using var http = new HttpClient { BaseAddress = shared.Cluster.BaseAddress };

        using HttpResponseMessage response = await http.GetAsync(path, Ct);

        response.StatusCode.ShouldBe(expected);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        if (expected == HttpStatusCode.NotFound)
        {
            body.RootElement.GetProperty("kind").GetString().ShouldBe("Status");
            body.RootElement.GetProperty("reason").GetString().ShouldBe("NotFound");
        }
    }

    [Fact]
    public async Task A_read_only_endpoint_answers_another_method_with_a_method_not_allowed_status()
    {
        using var http = new HttpClient { BaseAddress = shared.Cluster.BaseAddress };

        using HttpResponseMessage response = await HttpApiTests.Send(http, HttpMethod.Post, "/version", "{}", "application/json");

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        body.RootElement.GetProperty("reason").GetString().ShouldBe("MethodNotAllowed");
    }

    [Fact]
    public async Task A_list_says_its_length_even_when_written_in_pieces_and_puts_kind_apiVersion_and_metadata_before_the_items()
    {
        using var http = new HttpClient { BaseAddress = shared.Cluster.BaseAddress };
        string ns = "router-" + Guid.NewGuid().ToString("N")[..8];
        (await HttpApiTests.Send(http, HttpMethod.Post, "/api/v1/namespaces", $$$"""{"metadata":{"name":"{{{ns}}}"}}""", "application/json")).EnsureSuccessStatusCode();
        for (int i = 0; i < 3; i++)
        {
            (await HttpApiTests.Send(http, HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", $$$"""{"metadata":{"name":"c{{{i}}}"},"data":{"i":"{{{i}}}"}}""", "application/json")).EnsureSuccessStatusCode();
        }

        // Larger than the server's 256 KiB write buffer: the list goes out in pieces.
        (await HttpApiTests.Send(http, HttpMethod.Post, $"/api/v1/namespaces/{ns}/configmaps", $$$"""{"metadata":{"name":"big"},"data":{"v":"{{{new string('x', 300_000)}}}"}}""", "application/json")).EnsureSuccessStatusCode();

        using HttpResponseMessage all = await http.GetAsync($"/api/v1/namespaces/{ns}/configmaps", Ct);
        using HttpResponseMessage page = await http.GetAsync($"/api/v1/namespaces/{ns}/configmaps?limit=2", Ct);
        using HttpResponseMessage none = await http.GetAsync($"/api/v1/namespaces/{ns}/secrets", Ct);

        foreach (HttpResponseMessage response in new[] { all, page, none })
        {
            byte[] bytes = await response.Content.ReadAsByteArrayAsync(Ct);
            response.Content.Headers.ContentLength.ShouldBe(bytes.Length);
            using JsonDocument list = JsonDocument.Parse(bytes);
            list.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(["kind", "apiVersion", "metadata", "items"]);
        }

        using JsonDocument allList = JsonDocument.Parse(await all.Content.ReadAsStringAsync(Ct));
        allList.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("metadata").GetProperty("name").GetString()).ShouldBe(["big", "c0", "c1", "c2"]);
        allList.RootElement.GetProperty("kind").GetString().ShouldBe("ConfigMapList");
        using JsonDocument firstPage = JsonDocument.Parse(await page.Content.ReadAsStringAsync(Ct));
        firstPage.RootElement.GetProperty("items").GetArrayLength().ShouldBe(2);
        firstPage.RootElement.GetProperty("metadata").GetProperty("continue").GetString().ShouldNotBeNullOrEmpty();
        using JsonDocument empty = JsonDocument.Parse(await none.Content.ReadAsStringAsync(Ct));
        empty.RootElement.GetProperty("items").GetArrayLength().ShouldBe(0);
    }
}
