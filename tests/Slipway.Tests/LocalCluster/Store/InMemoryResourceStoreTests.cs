using System.Text.Json.Nodes;
using Slipway.LocalCluster.Store;

namespace Slipway.Tests.LocalCluster.Store;

public sealed class InMemoryResourceStoreTests
{
    private static readonly ResourceType s_configMap = KnownResourceTypes.ConfigMap;
    private static readonly ResourceType s_deployment = KnownResourceTypes.Deployment;

    [Fact]
    public void Create_sets_uid_timestamp_version_and_generation()
    {
        var store = new InMemoryResourceStore();

        JsonObject created = store.Create(s_configMap, "default", Object("settings", new JsonObject { ["data"] = new JsonObject { ["a"] = "1" } }));

        JsonObject metadata = created["metadata"]!.AsObject();
        metadata["uid"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        metadata["creationTimestamp"]!.GetValue<string>().ShouldEndWith("Z");
        metadata["resourceVersion"]!.GetValue<string>().ShouldBe(store.CurrentResourceVersion.ToString());
        metadata["generation"]!.GetValue<long>().ShouldBe(1);
        metadata["namespace"]!.GetValue<string>().ShouldBe("default");
        created["kind"]!.GetValue<string>().ShouldBe("ConfigMap");
        created["apiVersion"]!.GetValue<string>().ShouldBe("v1");
    }

    [Fact]
    public void A_fresh_store_has_the_initial_namespaces()
    {
        var store = new InMemoryResourceStore();

        store.List(KnownResourceTypes.Namespace, null).Select(n => n["metadata"]!["name"]!.GetValue<string>())
            .ShouldBe(["default", "kube-node-lease", "kube-public", "kube-system"]);
    }

    [Theory]
    [InlineData("", 422, "Invalid")]
    [InlineData("Upper", 422, "Invalid")]
    [InlineData("-dash", 422, "Invalid")]
    [InlineData("settings", 409, "AlreadyExists")]
    public void Create_refuses(string name, int code, string reason)
    {
        var store = new InMemoryResourceStore();
        store.Create(s_configMap, "default", Object("settings"));

        StoreException error = Should.Throw<StoreException>(() => store.Create(s_configMap, "default", Object(name)));

        error.Code.ShouldBe(code);
        error.Reason.ShouldBe(reason);
    }

    [Fact]
    public void GenerateName_makes_a_unique_name()
    {
        var store = new InMemoryResourceStore();

        JsonObject created = store.Create(s_configMap, "default", new JsonObject { ["metadata"] = new JsonObject { ["generateName"] = "job-" } });

        created["metadata"]!["name"]!.GetValue<string>().ShouldMatch("^job-[a-z0-9]{5}$");
    }

    [Fact]
    public void Update_with_a_stale_resourceVersion_is_a_conflict()
    {
        var store = new InMemoryResourceStore();
        JsonObject created = store.Create(s_configMap, "default", Object("settings"));
        JsonObject first = (JsonObject)created.DeepClone();
        first["data"] = new JsonObject { ["a"] = "2" };
        store.Update(s_configMap, "default", first, statusOnly: false);

        JsonObject stale = (JsonObject)created.DeepClone();
        stale["data"] = new JsonObject { ["a"] = "3" };
        StoreException error = Should.Throw<StoreException>(() => store.Update(s_configMap, "default", stale, statusOnly: false));

        error.Code.ShouldBe(409);
        error.Reason.ShouldBe("Conflict");
    }

    [Fact]
    public void Update_bumps_generation_only_when_spec_changes_and_keeps_status()
    {
        var store = new InMemoryResourceStore();
        JsonObject created = store.Create(s_deployment, "default", Object("web", new JsonObject { ["spec"] = new JsonObject { ["replicas"] = 1 } }));
        JsonObject withStatus = (JsonObject)created.DeepClone();
        withStatus["status"] = new JsonObject { ["replicas"] = 1 };
        store.Update(s_deployment, "default", withStatus, statusOnly: true)["metadata"]!["generation"]!.GetValue<long>().ShouldBe(1);

        JsonObject labelled = store.Get(s_deployment, "default", "web")!;
        labelled["metadata"]!["labels"] = new JsonObject { ["app"] = "web" };
        labelled.Remove("status");
        JsonObject afterLabel = store.Update(s_deployment, "default", labelled, statusOnly: false);
        afterLabel["metadata"]!["generation"]!.GetValue<long>().ShouldBe(1);
        afterLabel["status"]!["replicas"]!.GetValue<int>().ShouldBe(1);

        afterLabel["spec"]!["replicas"] = 3;
        store.Update(s_deployment, "default", afterLabel, statusOnly: false)["metadata"]!["generation"]!.GetValue<long>().ShouldBe(2);
    }

    [Fact]
    public void An_update_that_changes_nothing_keeps_the_resourceVersion()
    {
        var store = new InMemoryResourceStore();
        JsonObject created = store.Create(s_configMap, "default", Object("settings"));
        long before = store.CurrentResourceVersion;

        JsonObject same = store.Update(s_configMap, "default", created, statusOnly: false);

        store.CurrentResourceVersion.ShouldBe(before);
        same["metadata"]!["resourceVersion"]!.GetValue<string>().ShouldBe(created["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public void Writing_the_same_status_twice_changes_nothing_and_numbers_read_as_any_type()
    {
        var store = new InMemoryResourceStore();
        JsonObject created = store.Create(s_deployment, "default", Object("web"));
        created["status"] = new JsonObject { ["replicas"] = 1, ["observedGeneration"] = 1L };
        store.Update(s_deployment, "default", created, statusOnly: true);
        long before = store.CurrentResourceVersion;

        created.Remove("metadata");
        created["metadata"] = new JsonObject { ["name"] = "web" };
        JsonObject again = store.Update(s_deployment, "default", created, statusOnly: true);

        store.CurrentResourceVersion.ShouldBe(before);
        again["status"]!["replicas"]!.GetValue<long>().ShouldBe(1);
        again["metadata"]!["generation"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public void Status_update_takes_only_status()
    {
        var store = new InMemoryResourceStore();
        JsonObject created = store.Create(s_deployment, "default", Object("web", new JsonObject { ["spec"] = new JsonObject { ["replicas"] = 1 } }));
        created["spec"]!["replicas"] = 5;
        created["status"] = new JsonObject { ["readyReplicas"] = 1 };

        JsonObject updated = store.Update(s_deployment, "default", created, statusOnly: true);

        updated["spec"]!["replicas"]!.GetValue<int>().ShouldBe(1);
        updated["status"]!["readyReplicas"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public void Deleting_an_owner_deletes_what_it_owns_and_a_namespace_what_is_in_it()
    {
        var store = new InMemoryResourceStore();
        store.Create(KnownResourceTypes.Namespace, null, Object("shop"));
        JsonObject deployment = store.Create(s_deployment, "shop", Object("web"));
        var owned = Object("web-1");
        owned["metadata"]!["ownerReferences"] = new JsonArray(new JsonObject { ["uid"] = deployment["metadata"]!["uid"]!.GetValue<string>(), ["kind"] = "Deployment", ["name"] = "web" });
        store.Create(KnownResourceTypes.Pod, "shop", owned);
        store.Create(KnownResourceTypes.Pod, "shop", Object("standalone"));

        store.Delete(s_deployment, "shop", "web");
        store.List(KnownResourceTypes.Pod, "shop").Select(p => p["metadata"]!["name"]!.GetValue<string>()).ShouldBe(["standalone"]);

        store.Delete(KnownResourceTypes.Namespace, null, "shop");
        store.List(KnownResourceTypes.Pod, null).ShouldBeEmpty();
        Should.Throw<StoreException>(() => store.Delete(KnownResourceTypes.Namespace, null, "shop")).Code.ShouldBe(404);
    }

    [Fact]
    public void Ownership_follows_updates_and_survives_a_reload()
    {
        var store = new InMemoryResourceStore();
        string uid = store.Create(s_deployment, "default", Object("web"))["metadata"]!["uid"]!.GetValue<string>();
        JsonObject adopted = store.Create(KnownResourceTypes.Pod, "default", Object("adopted"));
        JsonObject released = Object("released");
        released["metadata"]!["ownerReferences"] = new JsonArray(new JsonObject { ["uid"] = uid });
        released = store.Create(KnownResourceTypes.Pod, "default", released);
        adopted["metadata"]!["ownerReferences"] = new JsonArray(new JsonObject { ["uid"] = uid });
        store.Update(KnownResourceTypes.Pod, "default", adopted, statusOnly: false);
        released["metadata"]!.AsObject().Remove("ownerReferences");
        store.Update(KnownResourceTypes.Pod, "default", released, statusOnly: false);

        InMemoryResourceStore reloaded = InMemoryResourceStore.ImportState(store.ExportState(), KnownResourceTypes.All, TimeProvider.System, 100);
        reloaded.Delete(s_deployment, "default", "web");

        reloaded.List(KnownResourceTypes.Pod, "default").Select(p => p["metadata"]!["name"]!.GetValue<string>()).ShouldBe(["released"]);
    }

    [Fact]
    public void List_orders_by_namespace_then_name_and_filters_by_namespace()
    {
        var store = new InMemoryResourceStore();
        store.Create(KnownResourceTypes.Namespace, null, Object("a-b"));
        store.Create(KnownResourceTypes.Namespace, null, Object("a"));
        store.Create(s_configMap, "a-b", Object("x"));
        store.Create(s_configMap, "a", Object("z"));
        store.Create(s_configMap, "a", Object("y"));

        store.List(s_configMap, null).Select(c => $"{c["metadata"]!["namespace"]}/{c["metadata"]!["name"]}").ShouldBe(["a/y", "a/z", "a-b/x"]);
        store.List(s_configMap, "a-b").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Watch_replays_history_then_streams_live_changes()
    {
        var store = new InMemoryResourceStore();
        long start = store.CurrentResourceVersion;
        store.Create(s_configMap, "default", Object("one"));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromSeconds(10));
        await using IAsyncEnumerator<WatchEvent> events = store.WatchAsync(s_configMap, "default", start, cancel.Token).GetAsyncEnumerator(cancel.Token);

        (await events.MoveNextAsync()).ShouldBeTrue();
        events.Current.Type.ShouldBe(WatchEventType.Added);
        store.Delete(s_configMap, "default", "one");
        (await events.MoveNextAsync()).ShouldBeTrue();
        events.Current.Type.ShouldBe(WatchEventType.Deleted);
        events.Current.ResourceVersion.ShouldBe(store.CurrentResourceVersion);
    }

    [Fact]
    public async Task Watch_from_a_version_older_than_the_history_is_gone()
    {
        var store = new InMemoryResourceStore(KnownResourceTypes.All, TimeProvider.System, historyCapacity: 2, createInitialNamespaces: false);
        for (int i = 0; i < 5; i++)
        {
            store.Create(s_configMap, "default", Object($"c{i}"));
        }

        StoreException error = await Should.ThrowAsync<StoreException>(async () =>
        {
            await foreach (WatchEvent change in store.WatchAsync(s_configMap, null, 1, TestContext.Current.CancellationToken))
            {
            }
        });

        error.Code.ShouldBe(410);
        error.Reason.ShouldBe("Expired");
    }

    [Fact]
    public void State_round_trips_objects_and_resourceVersion()
    {
        var store = new InMemoryResourceStore();
        store.Create(s_deployment, "default", Object("web", new JsonObject { ["spec"] = new JsonObject { ["replicas"] = 2 } }));

        InMemoryResourceStore loaded = InMemoryResourceStore.ImportState(store.ExportState(), KnownResourceTypes.All, TimeProvider.System, 100);

        loaded.CurrentResourceVersion.ShouldBe(store.CurrentResourceVersion);
        JsonNode.DeepEquals(loaded.Get(s_deployment, "default", "web"), store.Get(s_deployment, "default", "web")).ShouldBeTrue();
        loaded.List(KnownResourceTypes.Namespace, null).Count.ShouldBe(4);
    }

    [Fact]
    public void Returned_objects_are_copies()
    {
        var store = new InMemoryResourceStore();
        JsonObject created = store.Create(s_configMap, "default", Object("settings"));

        created["data"] = new JsonObject { ["changed"] = "yes" };

        store.Get(s_configMap, "default", "settings")!.ContainsKey("data").ShouldBeFalse();
    }

    private static JsonObject Object(string name, JsonObject? body = null)
    {
        JsonObject obj = body ?? new JsonObject();
        obj["metadata"] = new JsonObject { ["name"] = name };
        return obj;
    }
}
