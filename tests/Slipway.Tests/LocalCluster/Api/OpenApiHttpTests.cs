using System.Net;
using System.Text;
using System.Text.Json;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Api;

/// <summary>The OpenAPI documents and <c>fieldValidation</c> over plain HTTP, as clients other than kubectl read them.</summary>
public sealed class OpenApiHttpTests(SharedCluster shared) : IClassFixture<SharedCluster>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_v3_index_points_at_each_group_version_by_hash_and_the_document_is_cached_by_etag()
    {
        using HttpClient http = Http();
        using JsonDocument index = JsonDocument.Parse(await http.GetStringAsync("/openapi/v3", Ct));
        string url = index.RootElement.GetProperty("paths").GetProperty("apis/apps/v1").GetProperty("serverRelativeURL").GetString()!;
        url.ShouldStartWith("/openapi/v3/apis/apps/v1?hash=");

        using HttpResponseMessage document = await http.GetAsync(url, Ct);
        document.Headers.CacheControl!.ToString().ShouldContain("immutable");
        using JsonDocument apps = JsonDocument.Parse(await document.Content.ReadAsStringAsync(Ct));
        JsonElement deployment = apps.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("io.k8s.api.apps.v1.Deployment");
        deployment.GetProperty("x-kubernetes-group-version-kind")[0].GetProperty("kind").GetString().ShouldBe("Deployment");
        JsonElement ports = deployment.GetProperty("properties").GetProperty("spec").GetProperty("properties").GetProperty("template")
            .GetProperty("properties").GetProperty("spec").GetProperty("properties").GetProperty("containers").GetProperty("items")
            .GetProperty("properties").GetProperty("ports");
        ports.GetProperty("x-kubernetes-patch-merge-key").GetString().ShouldBe("containerPort");
        ports.GetProperty("x-kubernetes-list-map-keys").EnumerateArray().Select(k => k.GetString()).ShouldBe(["containerPort", "protocol"]);
        apps.RootElement.GetProperty("paths").GetProperty("/apis/apps/v1/namespaces/{namespace}/deployments/{name}").GetProperty("patch")
            .GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldContain("fieldValidation");

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(document.Headers.ETag!);
        using HttpResponseMessage notModified = await http.SendAsync(again, Ct);
        notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task The_v2_document_is_json_and_a_protobuf_only_client_is_told_so()
    {
        using HttpClient http = Http();
        using JsonDocument v2 = JsonDocument.Parse(await http.GetStringAsync("/openapi/v2", Ct));
        v2.RootElement.GetProperty("swagger").GetString().ShouldBe("2.0");
        v2.RootElement.GetProperty("definitions").TryGetProperty("io.fluxcd.toolkit.helm.v2.HelmRelease", out _).ShouldBeTrue();

        using var protobuf = new HttpRequestMessage(HttpMethod.Get, "/openapi/v2");
        protobuf.Headers.TryAddWithoutValidation("Accept", "application/com.github.proto-openapi.spec.v2@v1.0+protobuf").ShouldBeTrue();
        using HttpResponseMessage refused = await http.SendAsync(protobuf, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.NotAcceptable);
    }

    [Fact]
    public async Task Field_validation_warns_by_default_refuses_when_strict_and_drops_unknown_fields()
    {
        using HttpClient http = Http();
        const string body = """{"metadata":{"name":"warned"},"data":{"a":"1"},"bogus":true}""";

        using HttpResponseMessage warned = await SendAsync(http, HttpMethod.Post, "/api/v1/namespaces/default/configmaps", body);
        warned.StatusCode.ShouldBe(HttpStatusCode.Created);
        warned.Headers.GetValues("Warning").ShouldBe(["299 - \"unknown field \\\"bogus\\\"\""]);
        (await warned.Content.ReadAsStringAsync(Ct)).ShouldNotContain("bogus");

        using HttpResponseMessage strict = await SendAsync(http, HttpMethod.Post, "/api/v1/namespaces/default/configmaps?fieldValidation=Strict", """{"metadata":{"name":"strict"},"data":{"a":"1"},"data":{"b":"2"}}""");
        strict.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using JsonDocument status = JsonDocument.Parse(await strict.Content.ReadAsStringAsync(Ct));
        status.RootElement.GetProperty("message").GetString().ShouldBe("ConfigMap in version \"v1\" cannot be handled as a ConfigMap: strict decoding error: duplicate field \"data\"");

        using HttpResponseMessage ignored = await SendAsync(http, HttpMethod.Post, "/api/v1/namespaces/default/configmaps?fieldValidation=Ignore", body.Replace("warned", "ignored", StringComparison.Ordinal));
        ignored.StatusCode.ShouldBe(HttpStatusCode.Created);
        ignored.Headers.Contains("Warning").ShouldBeFalse();
    }

    private HttpClient Http() => new() { BaseAddress = shared.Cluster.BaseAddress };

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string json)
        => http.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") }, Ct);
}
