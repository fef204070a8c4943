using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Store;

namespace Slipway.Tests.LocalCluster.Store;

/// <summary><c>events.k8s.io/v1</c> Events are the <c>core/v1</c> Events seen through the other API.</summary>
public sealed class EventsViewTests
{
    [Fact]
    public void A_core_Event_reads_as_an_events_k8s_io_Event_and_back()
    {
        var store = new InMemoryResourceStore();
        store.Create(KnownResourceTypes.Event, "default", JsonNode.Parse("""
            {"metadata": {"name": "web.1"}, "involvedObject": {"kind": "Pod", "name": "web", "namespace": "default"},
             "reason": "BackOff", "message": "Back-off pulling image \"web:1\"", "type": "Normal", "count": 3,
             "source": {"component": "kubelet"}, "reportingComponent": "kubelet", "firstTimestamp": "2026-01-01T00:00:00Z"}
            """)!.AsObject());

        JsonObject seen = store.Get(KnownResourceTypes.EventsV1, "default", "web.1")!;

        seen.Str("apiVersion").ShouldBe("events.k8s.io/v1");
        seen.Str("regarding", "name").ShouldBe("web");
        seen.Str("note").ShouldBe("Back-off pulling image \"web:1\"");
        seen.Str("reportingController").ShouldBe("kubelet");
        seen.Long("deprecatedCount").ShouldBe(3);
        seen.Str("deprecatedSource", "component").ShouldBe("kubelet");
        seen.Str("deprecatedFirstTimestamp").ShouldBe("2026-01-01T00:00:00Z");
        store.List(KnownResourceTypes.EventsV1, null).Count.ShouldBe(1);
    }

    [Fact]
    public void An_events_k8s_io_Event_created_is_a_core_Event()
    {
        var store = new InMemoryResourceStore();

        store.Create(KnownResourceTypes.EventsV1, "default", JsonNode.Parse("""
            {"metadata": {"name": "web.2"}, "regarding": {"kind": "Pod", "name": "web"}, "note": "hello", "reason": "Test",
             "type": "Warning", "reportingController": "tester", "action": "Testing", "eventTime": "2026-01-01T00:00:00.000000Z"}
            """)!.AsObject());

        JsonObject core = store.Get(KnownResourceTypes.Event, "default", "web.2")!;
        core.Str("involvedObject", "name").ShouldBe("web");
        core.Str("message").ShouldBe("hello");
        core.Str("reportingComponent").ShouldBe("tester");
        core.Str("action").ShouldBe("Testing");
        store.Delete(KnownResourceTypes.EventsV1, "default", "web.2").Str("note").ShouldBe("hello");
        store.Get(KnownResourceTypes.Event, "default", "web.2").ShouldBeNull();
    }
}
