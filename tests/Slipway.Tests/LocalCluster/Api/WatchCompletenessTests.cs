using k8s;
using k8s.Models;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Api;

/// <summary>KubernetesClient watches with bookmarks, streaming lists (initial events) and selectors objects move in and out of.</summary>
public sealed class WatchCompletenessTests : IAsyncLifetime
{
    private ClusterFixture _fixture = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Kubernetes Client => _fixture.Client;

    public async ValueTask InitializeAsync()
        => _fixture = await ClusterFixture.StartAsync(o => o with { WatchBookmarkInterval = TimeSpan.FromMilliseconds(100) });

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Bookmarks_carry_the_newest_resource_version_even_when_other_kinds_changed()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        stop.CancelAfter(TimeSpan.FromSeconds(20));
        V1ConfigMapList list = await Client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: stop.Token);
        V1Secret secret = await Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "elsewhere" } }, "default", cancellationToken: stop.Token);

        var bookmarks = new List<V1ConfigMap>();
        await foreach ((WatchEventType type, V1ConfigMap item) in Client.CoreV1.WatchListNamespacedConfigMapAsync(
            "default", allowWatchBookmarks: true, resourceVersion: list.Metadata.ResourceVersion, cancellationToken: stop.Token))
        {
            type.ShouldBe(WatchEventType.Bookmark);
            bookmarks.Add(item);
            if (bookmarks.Count == 2)
            {
                break;
            }
        }

        bookmarks.ShouldAllBe(b => long.Parse(b.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture) >= long.Parse(secret.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture));
        bookmarks.ShouldAllBe(b => b.Kind == "ConfigMap" && b.Metadata.Name == null);
    }

    [Fact]
    public async Task A_streaming_list_sends_the_current_objects_then_the_initial_events_end_bookmark()
    {
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "streamed" } }, cancellationToken: Ct);
        foreach (string name in new[] { "a", "b" })
        {
            await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name } }, "streamed", cancellationToken: Ct);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        stop.CancelAfter(TimeSpan.FromSeconds(20));
        var seen = new List<string>();
        await foreach ((WatchEventType type, V1ConfigMap item) in Client.CoreV1.WatchListNamespacedConfigMapAsync(
            "streamed", allowWatchBookmarks: true, resourceVersionMatch: "NotOlderThan", sendInitialEvents: true, cancellationToken: stop.Token))
        {
            if (type == WatchEventType.Bookmark && item.Metadata.Annotations?.TryGetValue("k8s.io/initial-events-end", out string? end) == true)
            {
                end.ShouldBe("true");
                seen.Add("END");
                await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "c" } }, "streamed", cancellationToken: stop.Token);
            }
            else if (type != WatchEventType.Bookmark)
            {
                seen.Add($"{type} {item.Metadata.Name}");
                if (item.Metadata.Name == "c")
                {
                    break;
                }
            }
        }

        seen.ShouldBe(["Added a", "Added b", "END", "Added c"]);
    }

    [Fact]
    public async Task An_object_that_stops_matching_the_selector_is_deleted_from_the_watch_and_added_back_when_it_matches_again()
    {
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "relabelled" } }, cancellationToken: Ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        stop.CancelAfter(TimeSpan.FromSeconds(20));
        Task changes = Task.Run(
            async () =>
            {
                await Task.Delay(200, stop.Token);
                await Client.CoreV1.CreateNamespacedConfigMapAsync(
                    new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "moving", Labels = new Dictionary<string, string> { ["tier"] = "web" } } }, "relabelled", cancellationToken: stop.Token);
                foreach (string patch in new[] { """{"metadata":{"labels":{"tier":"db"}}}""", """{"data":{"unseen":"x"}}""", """{"metadata":{"labels":{"tier":"web"}}}""", """{"data":{"seen":"y"}}""" })
                {
                    await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(patch, V1Patch.PatchType.MergePatch), "moving", "relabelled", cancellationToken: stop.Token);
                }
            },
            stop.Token);

        var seen = new List<string>();
        await foreach ((WatchEventType type, V1ConfigMap item) in Client.CoreV1.WatchListNamespacedConfigMapAsync("relabelled", labelSelector: "tier=web", cancellationToken: stop.Token))
        {
            seen.Add($"{type} {item.Metadata.Labels["tier"]} {string.Join(',', item.Data?.Keys ?? [])}");
            if (item.Data?.ContainsKey("seen") == true)
            {
                break;
            }
        }

        await changes;
        seen.ShouldBe(["Added web ", "Deleted db ", "Added web unseen", "Modified web unseen,seen"]);
    }
}
