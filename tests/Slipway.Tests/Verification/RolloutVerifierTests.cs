using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Slipway.Cluster;
using Slipway.LocalCluster.Store;
using Slipway.Tests.Support;
using Slipway.Verification;

namespace Slipway.Tests.Verification;

public sealed class RolloutVerifierTests
{
    [Fact]
    public async Task The_snapshot_read_with_rollout_fields_only_evaluates_as_the_whole_objects_do()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using ClusterFixture fixture = await ClusterFixture.StartAsync();
        IResourceStore store = fixture.Cluster.Store!;
        store.Create(KnownResourceTypes.Node, null, Json("""{"metadata":{"name":"node-1"},"status":{"conditions":[{"type":"Ready","status":"True","reason":"KubeletReady","lastHeartbeatTime":"2026-01-01T00:00:00Z"}],"capacity":{"cpu":"2"}}}"""));
        store.Create(KnownResourceTypes.Node, null, Json("""{"metadata":{"name":"node-2"},"status":{"conditions":[{"type":"Ready","status":"False","reason":"KubeletNotReady","message":"PLEG is not healthy"}]}}"""));
        store.Create(KnownResourceTypes.Deployment, "web", Json(Deployment("web", replicas: 2, updated: 2, available: 2)));
        store.Create(KnownResourceTypes.Deployment, "web", Json(Deployment("api", replicas: 3, updated: 1, available: 1)));
        store.Create(KnownResourceTypes.Pod, "web", Json("""
            {"metadata":{"name":"api-1","labels":{"app":"api"}},"spec":{"containers":[{"name":"api","image":"api:2","resources":{"requests":{"cpu":"100m"}}}]},
             "status":{"phase":"Pending","startTime":"2026-01-01T00:00:00Z",
              "initContainerStatuses":[{"name":"migrate","restartCount":4,"ready":false,"image":"migrate:2","imageID":"","state":{"waiting":{"reason":"CrashLoopBackOff","message":"back-off 40s"}}}],
              "containerStatuses":[{"name":"api","restartCount":0,"ready":false,"image":"api:2","imageID":"","state":{"waiting":{"reason":"PodInitializing"}}}]}}
            """));
        store.Create(KnownResourceTypes.Pod, "web", Json("""
            {"metadata":{"name":"web-1"},"spec":{"containers":[{"name":"web","image":"web:1"}]},
             "status":{"phase":"Running","containerStatuses":[{"name":"web","restartCount":0,"ready":true,"image":"web:1","imageID":"","state":{"running":{"startedAt":"2026-01-01T00:00:00Z"}}}]}}
            """));
        using var cluster = new KubernetesCluster(ClusterTarget.ForUrl(fixture.Cluster.BaseAddress, fixture.Cluster.KubeconfigPath));
        using var http = new HttpClient();
        var verifier = new RolloutVerifier(cluster, new EndpointProber(http), TimeProvider.System);

        ClusterSnapshot snapshot = await verifier.ReadSnapshotAsync(new VerifyOptions { Namespaces = ["web"] }, ct);
        var whole = new ClusterSnapshot(
            [.. (await cluster.ListNodesAsync(ct)).Select(WholeObjects.Node)],
            [.. (await cluster.ListDeploymentsAsync("web", ct)).Select(WholeObjects.Deployment)],
            [.. (await cluster.ListPodsAsync("web", ct)).Select(WholeObjects.Pod)],
            [],
            []);

        string[] checks = [.. VerificationReport.Evaluate(snapshot).Checks.Select(static c => c.ToString())];
        checks.ShouldBe([.. VerificationReport.Evaluate(whole).Checks.Select(static c => c.ToString())]);
        checks.ShouldBe(
        [
            "Node node-1: Ready (KubeletReady)",
            "Node node-2: Progressing (KubeletNotReady) PLEG is not healthy",
            "Deployment web/api: Progressing (Updating) 1 of 3 replicas updated",
            "Deployment web/web: Ready (RolledOut) 2/2 available",
            "Pod web/api-1 container migrate: Failed (CrashLoopBackOff) back-off 40s (restarted 4 times)",
        ]);
    }

    [Fact]
    public async Task A_failing_pod_is_reported_with_its_newest_Warning_event()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        await using ClusterFixture fixture = await ClusterFixture.StartAsync();
        IResourceStore store = fixture.Cluster.Store!;
        store.Create(KnownResourceTypes.Pod, "default", Json("""
            {"metadata":{"name":"web-1"},"spec":{"containers":[{"name":"web","image":"web:9"}]},
             "status":{"phase":"Pending","containerStatuses":[{"name":"web","restartCount":0,"ready":false,"image":"web:9","imageID":"","state":{"waiting":{"reason":"ImagePullBackOff","message":"Back-off pulling image \"web:9\""}}}]}}
            """));
        store.Create(KnownResourceTypes.Event, "default", Json("""{"metadata":{"name":"web-1.1"},"involvedObject":{"kind":"Pod","name":"web-1"},"type":"Warning","reason":"Failed","message":"Error: ErrImagePull","lastTimestamp":"2026-01-01T00:00:00Z"}"""));
        store.Create(KnownResourceTypes.Event, "default", Json("""{"metadata":{"name":"web-1.2"},"involvedObject":{"kind":"Pod","name":"web-1"},"type":"Warning","reason":"Failed","message":"Failed to pull image \"web:9\": not found","lastTimestamp":"2026-01-01T00:00:05Z"}"""));
        store.Create(KnownResourceTypes.Event, "default", Json("""{"metadata":{"name":"web-1.3"},"involvedObject":{"kind":"Pod","name":"web-1"},"type":"Normal","reason":"Pulling","message":"Pulling image \"web:9\"","lastTimestamp":"2026-01-01T00:00:09Z"}"""));
        using var cluster = new KubernetesCluster(ClusterTarget.ForUrl(fixture.Cluster.BaseAddress, fixture.Cluster.KubeconfigPath));

        IReadOnlyList<PodStatus> pods = await cluster.ListPodsForRolloutAsync("default", ct);

        RolloutRules.PodProblem(pods.Single())!.Message.ShouldBe("Back-off pulling image \"web:9\"; last Warning event: Failed: Failed to pull image \"web:9\": not found");
    }

    [Fact]
    public async Task A_failed_list_names_the_call_the_status_and_the_servers_message()
    {
        await using TestHttpServer server = await TestHttpServer.StartAsync(app =>
            app.MapGet("/api/v1/namespaces/web/pods", () => Results.Json(new { kind = "Status", message = "pods is forbidden" }, statusCode: 403)));
        using var cluster = new KubernetesCluster(ClusterTarget.ForUrl(server.BaseAddress, "kubeconfig"), readAttempts: 1);

        SlipwayException failure = await Should.ThrowAsync<SlipwayException>(() => cluster.ListPodsForRolloutAsync("web", TestContext.Current.CancellationToken));

        failure.Message.ShouldStartWith($"The cluster API at {server.BaseAddress} failed to list pods in web: 403 Forbidden: pods is forbidden.");
    }

    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    private static string Deployment(string name, int replicas, int updated, int available) => """
        {"metadata":{"name":"NAME","labels":{"app":"NAME"}},
         "spec":{"replicas":REPLICAS,"selector":{"matchLabels":{"app":"NAME"}},"strategy":{"rollingUpdate":{"maxSurge":"25%","maxUnavailable":1}},
          "template":{"metadata":{"labels":{"app":"NAME"}},"spec":{"containers":[{"name":"NAME","image":"NAME:1"}]}}},
         "status":{"observedGeneration":1,"replicas":UPDATED,"updatedReplicas":UPDATED,"availableReplicas":AVAILABLE,
          "conditions":[{"type":"Progressing","status":"True","reason":"ReplicaSetUpdated","lastUpdateTime":"2026-01-01T00:00:00Z"}]}}
        """.Replace("NAME", name, StringComparison.Ordinal)
        .Replace("REPLICAS", $"{replicas}", StringComparison.Ordinal)
        .Replace("UPDATED", $"{updated}", StringComparison.Ordinal)
        .Replace("AVAILABLE", $"{available}", StringComparison.Ordinal);
}
