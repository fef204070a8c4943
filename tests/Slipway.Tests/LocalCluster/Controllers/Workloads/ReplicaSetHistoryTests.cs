using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Store;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Controllers.Workloads;

/// <summary>A Deployment's ReplicaSets as revisions: what <c>kubectl rollout history</c> and <c>rollout undo</c> read.</summary>
public sealed class ReplicaSetHistoryTests
{
    private static readonly ResourceType s_deployment = KnownResourceTypes.Deployment;
    private static readonly ResourceType s_replicaSet = KnownResourceTypes.ReplicaSet;

    [Fact]
    public async Task Template_change_makes_revision_2_and_scales_the_old_ReplicaSet_to_zero()
    {
        await using var cluster = new ControllersFixture();
        await cluster.PublishAsync("registry.local/web:1.0");
        await cluster.PublishAsync("registry.local/web:2.0");
        cluster.Create(s_deployment, DeploymentControllerTests.Deployment("web", "registry.local/web:1.0", replicas: 2));
        await Available(cluster, revision: "1");

        SetImage(cluster, "registry.local/web:2.0");

        await Available(cluster, revision: "2");
        List<JsonObject> sets = [.. cluster.Store.List(s_replicaSet, "default").OrderBy(Revision)];
        sets.Select(Revision).ShouldBe(["1", "2"]);
        sets[0].Long("spec", "replicas").ShouldBe(0);
        sets[1].Long("spec", "replicas").ShouldBe(2);
        sets[1].Str("spec", "selector", "matchLabels", "pod-template-hash").ShouldBe(sets[1].Str("spec", "template", "metadata", "labels", "pod-template-hash"));
        IReadOnlyList<JsonObject> pods = await Eventually.Until(() => cluster.Store.List(KnownResourceTypes.Pod, "default"), pods => pods.Count == 2, "the old pods to go");
        pods.ShouldAllBe(p => p.Arr("metadata", "ownerReferences")![0].Str("name") == sets[1].Str("metadata", "name"));
    }

    [Fact]
    public async Task Going_back_to_an_old_template_reuses_its_ReplicaSet_with_the_next_revision()
    {
        await using var cluster = new ControllersFixture();
        await cluster.PublishAsync("registry.local/web:1.0");
        await cluster.PublishAsync("registry.local/web:2.0");
        cluster.Create(s_deployment, DeploymentControllerTests.Deployment("web", "registry.local/web:1.0"));
        await Available(cluster, revision: "1");
        string first = cluster.Store.List(s_replicaSet, "default").Single().Str("metadata", "name")!;
        SetImage(cluster, "registry.local/web:2.0");
        await Available(cluster, revision: "2");

        SetImage(cluster, "registry.local/web:1.0");

        await Available(cluster, revision: "3");
        IReadOnlyList<JsonObject> sets = cluster.Store.List(s_replicaSet, "default");
        sets.Count.ShouldBe(2);
        sets.Single(rs => rs.Str("metadata", "name") == first).Str("metadata", "annotations", "deployment.kubernetes.io/revision").ShouldBe("3");
    }

    [Fact]
    public async Task ReplicaSets_beyond_revisionHistoryLimit_are_deleted()
    {
        await using var cluster = new ControllersFixture();
        await cluster.PublishAsync("registry.local/web:1");
        await cluster.PublishAsync("registry.local/web:2");
        await cluster.PublishAsync("registry.local/web:3");
        cluster.Create(s_deployment, DeploymentControllerTests.Deployment("web", "registry.local/web:1"));
        cluster.Edit(s_deployment, "default", "web", d => d["spec"]!["revisionHistoryLimit"] = 1);
        await Available(cluster, revision: "1");
        SetImage(cluster, "registry.local/web:2");
        await Available(cluster, revision: "2");

        SetImage(cluster, "registry.local/web:3");

        await Available(cluster, revision: "3");
        IReadOnlyList<JsonObject> sets = await Eventually.Until(() => cluster.Store.List(s_replicaSet, "default"), s => s.Count == 2, "one old ReplicaSet kept");
        sets.Select(Revision).Order().ShouldBe(["2", "3"]);
    }

    [Fact]
    public async Task Scaling_writes_ScalingReplicaSet_and_SuccessfulCreate_events()
    {
        await using var cluster = new ControllersFixture();
        await cluster.PublishAsync("registry.local/web:1.0");
        cluster.Create(s_deployment, DeploymentControllerTests.Deployment("web", "registry.local/web:1.0", replicas: 2));
        await Available(cluster, revision: "1");

        cluster.Edit(s_deployment, "default", "web", d => d["spec"]!["replicas"] = 1);

        string replicaSet = cluster.Store.List(s_replicaSet, "default").Single().Str("metadata", "name")!;
        IReadOnlyList<JsonObject> events = await Eventually.Until(
            () => cluster.Store.List(KnownResourceTypes.Event, "default"),
            e => e.Any(x => x.Str("reason") == "SuccessfulDelete"),
            "the scale-down events");
        JsonObject[] scaling = [.. events.Where(e => e.Str("reason") == "ScalingReplicaSet")];
        scaling.Select(e => e.Str("message")).ShouldBe([$"Scaled up replica set {replicaSet} to 2", $"Scaled down replica set {replicaSet} to 1 from 2"], ignoreOrder: true);
        scaling.ShouldAllBe(e => e.Str("involvedObject", "kind") == "Deployment" && e.Str("source", "component") == "deployment-controller" && e.Str("type") == "Normal");
        events.Count(e => e.Str("reason") == "SuccessfulCreate" && e.Str("involvedObject", "name") == replicaSet).ShouldBe(2);
    }

    private static string? Revision(JsonObject obj) => obj.Str("metadata", "annotations", "deployment.kubernetes.io/revision");

    private static void SetImage(ControllersFixture cluster, string image)
        => cluster.Edit(s_deployment, "default", "web", d => d["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = image);

    private static Task<JsonObject> Available(ControllersFixture cluster, string revision)
        => Eventually.Until(
            () => cluster.Get(s_deployment, "default", "web") ?? [],
            d => Revision(d) == revision && d.Long("status", "observedGeneration") == d.Long("metadata", "generation")
                && Conditions.Find(d.Obj("status") ?? [], "Progressing")?.Str("reason") == "NewReplicaSetAvailable",
            $"revision {revision} available");
}
