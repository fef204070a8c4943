using System.Net;
using System.Text.Json;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Api;

/// <summary>What dashboards call first, over plain HTTP: health checks and self reviews.</summary>
public sealed class HealthAndReviewTests(SharedCluster shared) : IClassFixture<SharedCluster>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/livez")]
    [InlineData("/readyz")]
    [InlineData("/livez/ping")]
    public async Task Health_checks_answer_ok_as_text(string path)
    {
        using var http = new HttpClient { BaseAddress = shared.Cluster.BaseAddress };

        using HttpResponseMessage response = await http.GetAsync(path, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/plain; charset=utf-8");
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe("ok");
    }

    [Fact]
    public async Task Verbose_health_lists_each_check_and_the_exclusions()
    {
        using var http = new HttpClient { BaseAddress = shared.Cluster.BaseAddress };

        string ready = await http.GetStringAsync("/readyz?verbose", Ct);
        string live = await http.GetStringAsync("/livez?verbose&exclude=etcd&exclude=nothing", Ct);

        ready.Split('\n').ShouldBe(["[+]ping ok", "[+]log ok", "[+]etcd ok", "[+]shutdown ok", "readyz check passed"]);
        live.Split('\n').ShouldBe(["[+]ping ok", "[+]log ok", "[+]etcd excluded: ok", "warn: some health checks cannot be excluded: no matches for \"nothing\"", "livez check passed"]);
    }

    [Fact]
    public async Task A_self_subject_access_review_is_allowed_with_the_reason_and_the_spec_echoed()
    {
        using var http = new HttpClient { BaseAddress = shared.Cluster.BaseAddress };
        const string review = """
            {"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectAccessReview",
             "spec":{"resourceAttributes":{"namespace":"shop","verb":"patch","group":"apps","resource":"deployments","name":"web"}}}
            """;

        using HttpResponseMessage response = await HttpApiTests.Send(http, HttpMethod.Post, "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", review, "application/json");

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        using JsonDocument answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        answer.RootElement.GetProperty("status").GetProperty("allowed").GetBoolean().ShouldBeTrue();
        answer.RootElement.GetProperty("status").GetProperty("reason").GetString()!.ShouldContain("the local cluster allows every request");
        answer.RootElement.GetProperty("spec").GetProperty("resourceAttributes").GetProperty("verb").GetString().ShouldBe("patch");
    }

    [Fact]
    public async Task A_protobuf_review_is_read_and_answered_in_json()
    {
        using var http = new HttpClient { BaseAddress = shared.Cluster.BaseAddress };
        byte[] attributes = [.. Field(1, "shop"), .. Field(2, "get"), .. Field(5, "pods")];
        byte[] spec = Field(1, attributes);
        byte[] raw = Field(2, spec);
        byte[] body = [.. "k8s\0"u8, .. Field(2, raw)];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.kubernetes.protobuf");

        using HttpResponseMessage response = await http.SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        using JsonDocument answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        JsonElement echoed = answer.RootElement.GetProperty("spec").GetProperty("resourceAttributes");
        (echoed.GetProperty("namespace").GetString(), echoed.GetProperty("verb").GetString(), echoed.GetProperty("resource").GetString()).ShouldBe(("shop", "get", "pods"));
        answer.RootElement.GetProperty("status").GetProperty("allowed").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_self_subject_rules_review_allows_everything()
    {
        using var http = new HttpClient { BaseAddress = shared.Cluster.BaseAddress };

        using HttpResponseMessage response = await HttpApiTests.Send(
            http, HttpMethod.Post, "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews", """{"spec":{"namespace":"default"}}""", "application/json");

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        using JsonDocument answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        JsonElement rule = answer.RootElement.GetProperty("status").GetProperty("resourceRules")[0];
        rule.GetProperty("verbs")[0].GetString().ShouldBe("*");
        rule.GetProperty("resources")[0].GetString().ShouldBe("*");
        answer.RootElement.GetProperty("status").GetProperty("incomplete").GetBoolean().ShouldBeFalse();
    }

    private static byte[] Field(int number, string text) => Field(number, System.Text.Encoding.UTF8.GetBytes(text));

    private static byte[] Field(int number, byte[] bytes) => [(byte)((number << 3) | 2), (byte)bytes.Length, .. bytes];
}
