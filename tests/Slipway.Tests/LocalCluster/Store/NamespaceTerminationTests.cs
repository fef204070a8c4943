using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Store;

namespace Slipway.Tests.LocalCluster.Store;

public sealed class NamespaceTerminationTests
{
    [Fact]
    public void New_namespace_is_Active_with_the_kubernetes_finalizer()
    {
        var store = new InMemoryResourceStore();

        JsonObject shop = store.Create(KnownResourceTypes.Namespace, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = "shop" } });

        shop.Str("status", "phase").ShouldBe("Active");
        shop.Arr("spec", "finalizers")!.Select(f => f!.GetValue<string>()).ShouldBe(["kubernetes"]);
    }

    [Fact]
    public async Task Deleted_namespace_is_watched_going_Terminating_then_its_contents_then_itself()
    {
        var store = new InMemoryResourceStore();
        store.Create(KnownResourceTypes.Namespace, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = "shop" } });
        store.Create(KnownResourceTypes.ConfigMap, "shop", new JsonObject { ["metadata"] = new JsonObject { ["name"] = "settings" } });
        long from = store.CurrentResourceVersion;

        JsonObject deleted = store.Delete(KnownResourceTypes.Namespace, null, "shop");

        deleted.Str("status", "phase").ShouldBe("Terminating");
        deleted.Str("metadata", "deletionTimestamp").ShouldNotBeNull();
        var changes = new List<(WatchEventType Type, string? Name, string? Phase)>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await foreach (WatchEvent change in MergedWatch(store, from, stop.Token))
        {
            changes.Add((change.Type, change.Object.Str("metadata", "name"), change.Object.Str("status", "phase")));
            if (changes.Count == 3)
            {
                break;
            }
        }

        changes.ShouldBe([(WatchEventType.Modified, "shop", "Terminating"), (WatchEventType.Deleted, "settings", null), (WatchEventType.Deleted, "shop", "Terminating")]);
        store.Get(KnownResourceTypes.Namespace, null, "shop").ShouldBeNull();
    }

    /// <summary>Namespace and ConfigMap changes in resourceVersion order.</summary>
    private static async IAsyncEnumerable<WatchEvent> MergedWatch(InMemoryResourceStore store, long from, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var all = new List<WatchEvent>();
        foreach (ResourceType type in new[] { KnownResourceTypes.Namespace, KnownResourceTypes.ConfigMap })
        {
            await foreach (WatchEvent change in store.WatchAsync(type, null, from, cancellationToken))
            {
                all.Add(change);
                if (all.Count(c => c.ResourceType == type) == (type == KnownResourceTypes.Namespace ? 2 : 1))
                {
                    break;
                }
            }
        }

        foreach (WatchEvent change in all.OrderBy(c => c.ResourceVersion))
        {
            yield return change;
        }
    }
}
