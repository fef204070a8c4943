using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Slipway.Cluster;
using Slipway.Tests.Support;

namespace Slipway.Tests.Cluster;

/// <summary>The adapter against an API server that fails: reads are retried (safe), writes are not, and errors read well.</summary>
public sealed class KubernetesClusterFaultTests
{
    private const string NodeList = """{"kind":"NodeList","apiVersion":"v1","metadata":{},"items":[{"metadata":{"name":"n1"},"status":{"conditions":[{"type":"Ready","status":"True"}]}}]}""";

    [Fact]
    public async Task A_read_that_gets_500s_is_retried_until_it_succeeds()
    {
        int calls = 0;
        await using TestHttpServer server = await TestHttpServer.StartAsync(app => app.MapGet("/api/v1/nodes", () =>
            Interlocked.Increment(ref calls) <= 2
                ? Results.Json(new { kind = "Status", status = "Failure", message = "etcd is sad", code = 500 }, statusCode: 500)
                : Results.Text(NodeList, "application/json")));
        using var cluster = new KubernetesCluster(ClusterTarget.ForUrl(server.BaseAddress, "kubeconfig"));

        IReadOnlyList<k8s.Models.V1Node> nodes = await cluster.ListNodesAsync(TestContext.Current.CancellationToken);

        nodes.Single().Metadata.Name.ShouldBe("n1");
        calls.ShouldBe(3);
    }

    [Fact]
    public async Task A_read_that_keeps_failing_ends_in_a_clear_error_naming_the_call_and_the_next_step()
    {
        await using TestHttpServer server = await TestHttpServer.StartAsync(app => app.MapGet("/api/v1/nodes", () =>
            Results.Json(new { kind = "Status", status = "Failure", message = "etcd is sad", code = 503 }, statusCode: 503)));
        using var cluster = new KubernetesCluster(ClusterTarget.ForUrl(server.BaseAddress, "kubeconfig"), readAttempts: 2);

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => cluster.ListNodesAsync(TestContext.Current.CancellationToken));

        error.Kind.ShouldBe(FailureKind.Failed);
        error.Message.ShouldContain("failed to list nodes after 2 attempts: 503");
        error.Message.ShouldContain("etcd is sad");
        error.Message.ShouldContain("kubectl --kubeconfig kubeconfig get nodes");
    }

    [Fact]
    public async Task A_request_that_hangs_times_out_with_a_clear_error()
    {
        await using TestHttpServer server = await TestHttpServer.StartAsync(app => app.MapGet("/api/v1/nodes", async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return Results.Text(NodeList, "application/json");
        }));
        ClusterTarget target = ClusterTarget.ForUrl(server.BaseAddress, "kubeconfig") with { RequestTimeout = TimeSpan.FromMilliseconds(300) };
        using var cluster = new KubernetesCluster(target, readAttempts: 2);

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => cluster.ListNodesAsync(TestContext.Current.CancellationToken));

        error.Message.ShouldContain("no answer within");
    }

    [Fact]
    public async Task A_write_is_not_retried_on_a_server_error()
    {
        int calls = 0;
        await using TestHttpServer server = await TestHttpServer.StartAsync(app => app.MapMethods(
            "/apis/helm.toolkit.fluxcd.io/v2/namespaces/web/helmreleases/web",
            ["PATCH"],
            () =>
            {
                Interlocked.Increment(ref calls);
                return Results.Json(new { kind = "Status", status = "Failure", message = "boom", code = 500 }, statusCode: 500);
            }));
        using var cluster = new KubernetesCluster(ClusterTarget.ForUrl(server.BaseAddress, "kubeconfig"));

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => cluster.MergePatchCustomObjectAsync(
            CustomResource.HelmRelease, "web", "web", new JsonObject { ["spec"] = new JsonObject { ["suspend"] = true } }, TestContext.Current.CancellationToken));

        calls.ShouldBe(1);
        error.Message.ShouldContain("patch HelmRelease web/web: 500");
    }

    [Fact]
    public void A_missing_kubeconfig_is_an_input_error_that_says_how_to_get_one()
    {
        SlipwayException error = Should.Throw<SlipwayException>(() => new KubernetesCluster(ClusterTarget.ForKubeconfig("/nonexistent/kubeconfig", "aks-prod")));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldContain("/nonexistent/kubeconfig does not exist");
    }
}
