using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Store;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Controllers.Workloads;

/// <summary>The scheduler's and kubelet's Events, which <c>kubectl describe pod</c> shows.</summary>
public sealed class KubeletEventsTests
{
    [Fact]
    public async Task A_started_pod_has_Scheduled_Pulling_Pulled_Created_Started()
    {
        await using var cluster = new ControllersFixture();
        await cluster.PublishAsync("registry.local/web:1.0");

        cluster.Create(KnownResourceTypes.Pod, Pod("web", "registry.local/web:1.0"));

        IReadOnlyList<JsonObject> events = await Eventually.Until(() => EventsOf(cluster, "web"), e => e.Any(x => x.Str("reason") == "Started"), "the Started event");
        events.Select(e => e.Str("reason")).ShouldBe(["Scheduled", "Pulling", "Pulled", "Created", "Started"]);
        events[0].Str("message").ShouldBe("Successfully assigned default/web to local-node-1");
        events[0].Str("source", "component").ShouldBe("default-scheduler");
        events[1].Str("message").ShouldBe("Pulling image \"registry.local/web:1.0\"");
        events[1].Str("source", "component").ShouldBe("kubelet");
        events[1].Str("involvedObject", "fieldPath").ShouldBe("spec.containers{web}");
        events.ShouldAllBe(e => e.Str("type") == "Normal" && e.Str("involvedObject", "uid") == cluster.Get(KnownResourceTypes.Pod, "default", "web")!.Str("metadata", "uid"));
        cluster.Get(KnownResourceTypes.Pod, "default", "web")!.Str("spec", "nodeName").ShouldBe("local-node-1");
    }

    [Fact]
    public async Task A_node_that_has_the_image_says_it_is_already_present_unless_the_policy_is_Always()
    {
        await using var cluster = new ControllersFixture();
        await cluster.PublishAsync("registry.local/web:1.0");
        cluster.Create(KnownResourceTypes.Pod, Pod("first", "registry.local/web:1.0"));
        await Eventually.Until(() => EventsOf(cluster, "first"), e => e.Any(x => x.Str("reason") == "Started"), "the first pod's Started event");

        cluster.Create(KnownResourceTypes.Pod, Pod("second", "registry.local/web:1.0"));
        cluster.Create(KnownResourceTypes.Pod, Pod("always", "registry.local/web:1.0", "Always"));

        IReadOnlyList<JsonObject> second = await Eventually.Until(() => EventsOf(cluster, "second"), e => e.Any(x => x.Str("reason") == "Started"), "the second pod's Started event");
        IReadOnlyList<JsonObject> always = await Eventually.Until(() => EventsOf(cluster, "always"), e => e.Any(x => x.Str("reason") == "Started"), "the Always pod's Started event");
        second.Select(e => e.Str("reason")).ShouldBe(["Scheduled", "Pulled", "Created", "Started"]);
        second[1].Str("message").ShouldBe("Container image \"registry.local/web:1.0\" already present on machine");
        always.Select(e => e.Str("reason")).ShouldBe(["Scheduled", "Pulling", "Pulled", "Created", "Started"]);
    }

    [Fact]
    public async Task A_missing_image_gives_ErrImagePull_then_repeated_ImagePullBackOff_counted_in_one_event()
    {
        await using var cluster = new ControllersFixture();

        cluster.Create(KnownResourceTypes.Pod, Pod("web", "registry.local/web:nope"));

        IReadOnlyList<JsonObject> events = await Eventually.Until(
            () => EventsOf(cluster, "web"),
            e => e.Any(x => x.Str("reason") == "BackOff" && x.Long("count") >= 3),
            "the back-off counted three times");
        events.Where(e => e.Str("type") == "Warning").Select(e => e.Str("message")).ShouldBe(
            [
                "Failed to pull image \"registry.local/web:nope\": rpc error: code = NotFound desc = failed to pull and unpack image \"registry.local/web:nope\": not found",
                "Error: ErrImagePull",
                "Error: ImagePullBackOff",
            ],
            ignoreOrder: true);
        JsonObject backOff = events.Single(e => e.Str("reason") == "BackOff");
        backOff.Str("message").ShouldBe("Back-off pulling image \"registry.local/web:nope\"");
        backOff.Str("firstTimestamp").ShouldNotBeNull();
        backOff.Str("lastTimestamp").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_crashing_container_gives_a_Warning_BackOff()
    {
        await using var cluster = new ControllersFixture();
        await cluster.PublishAsync("registry.local/web:crash", crash: true);

        cluster.Create(KnownResourceTypes.Pod, Pod("web", "registry.local/web:crash"));

        IReadOnlyList<JsonObject> events = await Eventually.Until(() => EventsOf(cluster, "web"), e => e.Any(x => x.Str("reason") == "BackOff"), "the crash back-off");
        JsonObject backOff = events.Single(e => e.Str("reason") == "BackOff");
        backOff.Str("type").ShouldBe("Warning");
        backOff.Str("message")!.ShouldStartWith("Back-off restarting failed container web in pod web_default(");
    }

    internal static IReadOnlyList<JsonObject> EventsOf(ControllersFixture cluster, string name)
        => [.. cluster.Store.List(KnownResourceTypes.Event, "default").Where(e => e.Str("involvedObject", "name") == name).OrderBy(e => e.Str("metadata", "name"), StringComparer.Ordinal)];

    private static string Pod(string name, string image, string? pullPolicy = null) => $$"""
        {
          "apiVersion": "v1", "kind": "Pod",
          "metadata": { "name": "{{name}}", "namespace": "default" },
          "spec": { "containers": [ { "name": "{{name}}", "image": "{{image}}"{{(pullPolicy is null ? "" : $", \"imagePullPolicy\": \"{pullPolicy}\"")}} } ] }
        }
        """;
}
