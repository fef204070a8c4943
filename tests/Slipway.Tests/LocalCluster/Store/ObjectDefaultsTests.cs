using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Store;

namespace Slipway.Tests.LocalCluster.Store;

public sealed class ObjectDefaultsTests
{
    [Fact]
    public void Created_Deployment_gets_the_real_servers_defaults_and_keeps_what_it_sets()
    {
        var store = new InMemoryResourceStore();

        JsonObject created = store.Create(KnownResourceTypes.Deployment, "default", JsonNode.Parse("""
            {"metadata": {"name": "web"}, "spec": {"revisionHistoryLimit": 3, "selector": {"matchLabels": {"app": "web"}},
             "template": {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [
               {"name": "web", "image": "registry.local/web:1.0", "ports": [{"containerPort": 80}]},
               {"name": "sidecar", "image": "registry.local/sidecar"}]}}}}
            """)!.AsObject());

        created.Long("spec", "replicas").ShouldBe(1);
        created.Long("spec", "revisionHistoryLimit").ShouldBe(3);
        created.Long("spec", "progressDeadlineSeconds").ShouldBe(600);
        created.Str("spec", "strategy", "type").ShouldBe("RollingUpdate");
        created.Str("spec", "strategy", "rollingUpdate", "maxSurge").ShouldBe("25%");
        created.Str("spec", "strategy", "rollingUpdate", "maxUnavailable").ShouldBe("25%");
        JsonObject pod = created.Obj("spec", "template", "spec")!;
        pod.Str("restartPolicy").ShouldBe("Always");
        pod.Str("dnsPolicy").ShouldBe("ClusterFirst");
        pod.Str("schedulerName").ShouldBe("default-scheduler");
        pod.Long("terminationGracePeriodSeconds").ShouldBe(30);
        JsonArray containers = pod.Arr("containers")!;
        containers.Select(c => c.Str("imagePullPolicy")).ShouldBe(["IfNotPresent", "Always"]);
        containers.ShouldAllBe(c => c.Str("terminationMessagePath") == "/dev/termination-log" && c.Str("terminationMessagePolicy") == "File");
        containers[0]!.AsObject().Arr("ports")![0].Str("protocol").ShouldBe("TCP");
    }

    [Fact]
    public void Defaults_do_not_bump_the_generation_of_an_unchanged_update()
    {
        var store = new InMemoryResourceStore();
        JsonObject created = store.Create(KnownResourceTypes.Pod, "default", JsonNode.Parse("""{"metadata": {"name": "web"}, "spec": {"containers": [{"name": "web", "image": "web:latest"}]}}""")!.AsObject());

        JsonObject updated = store.Update(KnownResourceTypes.Pod, "default", JsonNode.Parse("""{"metadata": {"name": "web"}, "spec": {"containers": [{"name": "web", "image": "web:latest"}]}}""")!.AsObject(), statusOnly: false);

        updated.Long("metadata", "generation").ShouldBe(1);
        updated.Str("metadata", "resourceVersion").ShouldBe(created.Str("metadata", "resourceVersion"));
        updated.Arr("spec", "containers")![0].Str("imagePullPolicy").ShouldBe("Always");
    }

    [Theory]
    [InlineData("nginx", "Always")]
    [InlineData("nginx:latest", "Always")]
    [InlineData("localhost:5000/nginx", "Always")]
    [InlineData("localhost:5000/nginx:1.27", "IfNotPresent")]
    [InlineData("nginx@sha256:abc", "IfNotPresent")]
    public void Pull_policy_follows_the_tag(string image, string policy)
        => ObjectDefaults.PullPolicy(image).ShouldBe(policy);
}
