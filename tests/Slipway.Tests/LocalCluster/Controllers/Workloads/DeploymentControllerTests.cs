using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Store;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Controllers.Workloads;

public sealed class DeploymentControllerTests
{
    private static readonly ResourceType s_deployment = KnownResourceTypes.Deployment;
    private static readonly ResourceType s_pod = KnownResourceTypes.Pod;

    [Fact]
    public async Task Deployment_with_a_present_image_becomes_available_with_owned_pods()
    {
        await using var cluster = new ControllersFixture();
        await cluster.PublishAsync("registry.local/web:1.0");

        cluster.Create(s_deployment, Deployment("web", "registry.local/web:1.0", replicas: 2));

        JsonObject deployment = await WaitForReason(cluster, "web", "NewReplicaSetAvailable");
        deployment.Long("status", "observedGeneration").ShouldBe(1);
        deployment.Long("status", "replicas").ShouldBe(2);
        deployment.Long("status", "updatedReplicas").ShouldBe(2);
        deployment.Long("status", "readyReplicas").ShouldBe(2);
        deployment.Long("status", "availableReplicas").ShouldBe(2);
        Conditions.Find(deployment.Obj("status")!, "Available")!.Str("status").ShouldBe("True");
        IReadOnlyList<JsonObject> pods = cluster.Store.List(s_pod, "default");
        pods.Count.ShouldBe(2);
        string hash = pods[0].Str("metadata", "labels", "pod-template-hash")!;
        pods.ShouldAllBe(p => p.Str("metadata", "name")!.StartsWith($"web-{hash}-") && p.Str("metadata", "name")!.Length == $"web-{hash}-".Length + 5);
        pods.ShouldAllBe(p => p.Str("metadata", "labels", "app") == "web");
        JsonObject replicaSet = cluster.Store.List(KnownResourceTypes.ReplicaSet, "default").Single();
        replicaSet.Str("metadata", "name").ShouldBe($"web-{hash}");
        replicaSet.Arr("metadata", "ownerReferences")![0].Str("uid").ShouldBe(deployment.Str("metadata", "uid"));
        replicaSet.Arr("metadata", "ownerReferences")![0].Bool("controller").ShouldBeTrue();
        replicaSet.Str("metadata", "annotations", "deployment.kubernetes.io/revision").ShouldBe("1");
        deployment.Str("metadata", "annotations", "deployment.kubernetes.io/revision").ShouldBe("1");
        pods.ShouldAllBe(p => p.Arr("metadata", "ownerReferences")![0].Str("uid") == replicaSet.Str("metadata", "uid"));
        pods.ShouldAllBe(p => p.Str("status", "phase") == "Running" && p.Arr("status", "containerStatuses")![0].Bool("ready"));
    }

    [Fact]
    public async Task Missing_image_shows_ImagePullBackOff_like_the_kubelet()
    {
        await using var cluster = new ControllersFixture();

        cluster.Create(s_deployment, Deployment("web", "registry.local/web:nope"));

        JsonObject pod = await WaitForPod(cluster, p => Waiting(p) == "ImagePullBackOff");
        pod.Str("status", "phase").ShouldBe("Pending");
        pod.Arr("status", "containerStatuses")![0].Str("state", "waiting", "message").ShouldBe("Back-off pulling image \"registry.local/web:nope\"");
        JsonObject deployment = cluster.Get(s_deployment, "default", "web")!;
        deployment.Long("status", "unavailableReplicas").ShouldBe(1);
        Conditions.Find(deployment.Obj("status")!, "Available")!.Str("reason").ShouldBe("MinimumReplicasUnavailable");
    }

    [Fact]
    public async Task Published_image_heals_a_pod_in_ImagePullBackOff()
    {
        await using var cluster = new ControllersFixture();
        cluster.Create(s_deployment, Deployment("web", "registry.local/web:2.0"));
        await WaitForPod(cluster, p => Waiting(p) == "ImagePullBackOff");

        await cluster.PublishAsync("registry.local/web:2.0");

        await WaitForReason(cluster, "web", "NewReplicaSetAvailable");
    }

    [Fact]
    public async Task Crashing_image_shows_CrashLoopBackOff_with_a_growing_restartCount()
    {
        await using var cluster = new ControllersFixture();
        await cluster.PublishAsync("registry.local/web:crash", crash: true);

        cluster.Create(s_deployment, Deployment("web", "registry.local/web:crash"));

        JsonObject pod = await WaitForPod(cluster, p => Waiting(p) == "CrashLoopBackOff" && (p.Arr("status", "containerStatuses")![0].Long("restartCount") ?? 0) >= 3);
        pod.Str("status", "phase").ShouldBe("Running");
        JsonNode container = pod.Arr("status", "containerStatuses")![0]!;
        container.Bool("ready").ShouldBeFalse();
        container.Str("state", "waiting", "message")!.ShouldContain("restarting failed container=web pod=" + pod.Str("metadata", "name"));
        container.Long("lastState", "terminated", "exitCode").ShouldBe(1);
    }

    [Fact]
    public async Task Stuck_rollout_ends_in_ProgressDeadlineExceeded()
    {
        await using var cluster = new ControllersFixture();

        cluster.Create(s_deployment, Deployment("web", "registry.local/web:nope", progressDeadlineSeconds: 1));

        JsonObject deployment = await WaitForReason(cluster, "web", "ProgressDeadlineExceeded");
        JsonObject progressing = Conditions.Find(deployment.Obj("status")!, "Progressing")!;
        progressing.Str("status").ShouldBe("False");
        progressing.Str("message")!.ShouldMatch("^ReplicaSet \"web-[a-z0-9]+\" has timed out progressing.$");
    }

    [Fact]
    public async Task Template_change_keeps_the_old_pod_until_the_new_one_is_ready()
    {
        await using var cluster = new ControllersFixture();
        await cluster.PublishAsync("registry.local/web:1.0");
        cluster.Create(s_deployment, Deployment("web", "registry.local/web:1.0"));
        await WaitForReason(cluster, "web", "NewReplicaSetAvailable");
        string oldPod = cluster.Store.List(s_pod, "default").Single().Str("metadata", "name")!;

        cluster.Edit(s_deployment, "default", "web", d => d["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = "registry.local/web:2.0");

        JsonObject stuck = await Eventually.Until(
            () => cluster.Get(s_deployment, "default", "web")!,
            d => d.Long("status", "observedGeneration") == 2 && d.Long("status", "replicas") == 2 && Conditions.Find(d.Obj("status")!, "Progressing")?.Str("reason") == "ReplicaSetUpdated",
            "a rollout with an old and a new pod");
        stuck.Long("status", "updatedReplicas").ShouldBe(1);
        stuck.Long("status", "availableReplicas").ShouldBe(1);
        cluster.Get(s_pod, "default", oldPod).ShouldNotBeNull();

        await cluster.PublishAsync("registry.local/web:2.0");

        JsonObject done = await WaitForReason(cluster, "web", "NewReplicaSetAvailable");
        done.Long("status", "replicas").ShouldBe(1);
        await Eventually.Until(() => cluster.Get(s_pod, "default", oldPod), p => p is null, "the old pod to go");
    }

    [Fact]
    public async Task Recreate_strategy_removes_the_old_pods_first()
    {
        await using var cluster = new ControllersFixture();
        await cluster.PublishAsync("registry.local/web:1.0");
        cluster.Create(s_deployment, Deployment("web", "registry.local/web:1.0", replicas: 2));
        await WaitForReason(cluster, "web", "NewReplicaSetAvailable");
        var oldPods = cluster.Store.List(s_pod, "default").Select(p => p.Str("metadata", "name")).ToList();

        cluster.Edit(s_deployment, "default", "web", d =>
        {
            d["spec"]!["strategy"] = new JsonObject { ["type"] = "Recreate" };
            d["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = "registry.local/web:missing";
        });

        JsonObject deployment = await Eventually.Until(
            () => cluster.Get(s_deployment, "default", "web")!,
            d => d.Long("status", "observedGeneration") == 2 && d.Long("status", "replicas") == 2 && d.Long("status", "updatedReplicas") == 2,
            "only new pods");
        deployment.Long("status", "availableReplicas").ShouldBeNull();
        cluster.Store.List(s_pod, "default").ShouldAllBe(p => !oldPods.Contains(p.Str("metadata", "name")));
    }

    [Fact]
    public async Task Scaling_down_and_deleting_remove_pods()
    {
        await using var cluster = new ControllersFixture();
        await cluster.PublishAsync("registry.local/web:1.0");
        cluster.Create(s_deployment, Deployment("web", "registry.local/web:1.0", replicas: 3));
        await WaitForReason(cluster, "web", "NewReplicaSetAvailable");

        cluster.Edit(s_deployment, "default", "web", d => d["spec"]!["replicas"] = 1);
        await Eventually.Until(() => cluster.Store.List(s_pod, "default").Count, n => n == 1, "one pod");
        cluster.Store.Delete(s_deployment, "default", "web");

        await Eventually.Until(() => cluster.Store.List(s_pod, "default").Count, n => n == 0, "no pods");
    }

    [Fact]
    public async Task Nodes_are_created_ready()
    {
        await using var cluster = new ControllersFixture(o => o with { NodeCount = 2 });

        IReadOnlyList<JsonObject> nodes = await Eventually.Until(
            () => cluster.Store.List(KnownResourceTypes.Node, null),
            n => n.Count == 2 && n.All(x => Conditions.IsTrue(x.Obj("status"), "Ready")),
            "two ready nodes");

        nodes.Select(n => n.Str("metadata", "name")).ShouldBe(["local-node-1", "local-node-2"]);
    }

    internal static string Deployment(string name, string image, int replicas = 1, int? progressDeadlineSeconds = null, string ns = "default")
        => $$"""
        {
          "apiVersion": "apps/v1", "kind": "Deployment",
          "metadata": { "name": "{{name}}", "namespace": "{{ns}}" },
          "spec": {
            "replicas": {{replicas}},
            {{(progressDeadlineSeconds is int seconds ? $"\"progressDeadlineSeconds\": {seconds}," : string.Empty)}}
            "selector": { "matchLabels": { "app": "{{name}}" } },
            "template": {
              "metadata": { "labels": { "app": "{{name}}" } },
              "spec": { "containers": [ { "name": "{{name}}", "image": "{{image}}" } ] }
            }
          }
        }
        """;

    private static string? Waiting(JsonObject pod) => pod.Arr("status", "containerStatuses")?.FirstOrDefault()?.Str("state", "waiting", "reason");

    private static Task<JsonObject> WaitForPod(ControllersFixture cluster, Func<JsonObject, bool> done)
        => Eventually.Until(() => cluster.Store.List(s_pod, "default").FirstOrDefault() ?? [], done, "the pod");

    private static Task<JsonObject> WaitForReason(ControllersFixture cluster, string name, string reason)
        => Eventually.Until(
            () => cluster.Get(s_deployment, "default", name) ?? [],
            d => d.Obj("status") is JsonObject s && Conditions.Find(s, "Progressing")?.Str("reason") == reason && d.Long("status", "observedGeneration") == d.Long("metadata", "generation"),
            $"Progressing reason {reason}");
}
