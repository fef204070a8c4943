using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Api;

/// <summary>KubernetesClient against the local cluster: every verb, and the errors a real API server answers with.</summary>
public sealed class KubernetesClientTests(SharedCluster shared) : IClassFixture<SharedCluster>
{
    private readonly Kubernetes _client = shared.Client;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Discovery_reports_version_and_served_groups()
    {
        VersionInfo version = await _client.Version.GetCodeAsync(Ct);
        V1APIGroupList groups = await _client.Apis.GetAPIVersionsAsync(Ct);
        V1APIResourceList core = await _client.CoreV1.GetAPIResourcesAsync(Ct);

        version.Major.ShouldBe("1");
        groups.Groups.Select(g => g.Name).ShouldBe(
            ["apps", "batch", "discovery.k8s.io", "events.k8s.io", "coordination.k8s.io", "source.toolkit.fluxcd.io", "kustomize.toolkit.fluxcd.io", "helm.toolkit.fluxcd.io", "image.toolkit.fluxcd.io", "argoproj.io", "apiextensions.k8s.io", "authorization.k8s.io"],
            ignoreOrder: true);
        core.Resources.Select(r => r.Name).ShouldContain("pods/status");
        core.Resources.Select(r => r.Name).ShouldContain("pods/log");
        core.Resources.Select(r => r.Name).ShouldContain("pods/exec");
        core.Resources.Select(r => r.Name).ShouldContain("pods/portforward");
        core.Resources.Single(r => r.Name == "nodes").Namespaced.ShouldBeFalse();
    }

    [Fact]
    public async Task Create_get_update_delete_a_config_map()
    {
        V1ConfigMap created = await _client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("crud", ("a", "1")), "default", cancellationToken: Ct);
        created.Metadata.Uid.ShouldNotBeNullOrEmpty();
        created.Metadata.CreationTimestamp.ShouldNotBeNull();

        created.Data["a"] = "2";
        V1ConfigMap replaced = await _client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "crud", "default", cancellationToken: Ct);
        long.Parse(replaced.Metadata.ResourceVersion).ShouldBeGreaterThan(long.Parse(created.Metadata.ResourceVersion));

        V1ConfigMap read = await _client.CoreV1.ReadNamespacedConfigMapAsync("crud", "default", cancellationToken: Ct);
        read.Data["a"].ShouldBe("2");

        await _client.CoreV1.DeleteNamespacedConfigMapAsync("crud", "default", cancellationToken: Ct);
        (await StatusOf(() => _client.CoreV1.ReadNamespacedConfigMapAsync("crud", "default", cancellationToken: Ct))).ShouldBe((404, "NotFound"));
    }

    [Fact]
    public async Task Errors_are_status_objects_with_code_and_reason()
    {
        await _client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("errors"), "default", cancellationToken: Ct);
        V1ConfigMap stale = await _client.CoreV1.ReadNamespacedConfigMapAsync("errors", "default", cancellationToken: Ct);
        await _client.CoreV1.ReplaceNamespacedConfigMapAsync(ConfigMap("errors", ("x", "1")), "errors", "default", cancellationToken: Ct);
        stale.Data = new Dictionary<string, string> { ["x"] = "2" };

        (await StatusOf(() => _client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("errors"), "default", cancellationToken: Ct))).ShouldBe((409, "AlreadyExists"));
        (await StatusOf(() => _client.CoreV1.ReplaceNamespacedConfigMapAsync(stale, "errors", "default", cancellationToken: Ct))).ShouldBe((409, "Conflict"));
        (await StatusOf(() => _client.CoreV1.DeleteNamespacedConfigMapAsync("missing", "default", cancellationToken: Ct))).ShouldBe((404, "NotFound"));
        (await StatusOf(() => _client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("x"), "no-such-namespace", cancellationToken: Ct))).ShouldBe((404, "NotFound"));
        (await StatusOf(() => _client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("Bad_Name"), "default", cancellationToken: Ct))).ShouldBe((422, "Invalid"));
        (await StatusOf(() => _client.CoreV1.ListNamespacedPodAsync("default", labelSelector: "a in (b", cancellationToken: Ct))).ShouldBe((400, "BadRequest"));
        (await StatusOf(() => _client.CoreV1.ListNamespacedPodAsync("default", fieldSelector: "spec.bogus=1", cancellationToken: Ct))).ShouldBe((400, "BadRequest"));
    }

    [Fact]
    public async Task List_filters_by_label_and_field_selectors_and_pages()
    {
        await _client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "listing" } }, cancellationToken: Ct);
        string[] tiers = ["web", "web", "db", "cache", "web"];
        for (int i = 0; i < tiers.Length; i++)
        {
            var pod = new V1Pod
            {
                Metadata = new V1ObjectMeta { Name = $"p{i}", Labels = new Dictionary<string, string> { ["tier"] = tiers[i] } },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "c", Image = "web:1" }] },
            };
            await _client.CoreV1.CreateNamespacedPodAsync(pod, "listing", cancellationToken: Ct);
        }

        (await Names("tier=web")).ShouldBe(["p0", "p1", "p4"]);
        (await Names("tier!=web")).ShouldBe(["p2", "p3"]);
        (await Names("tier in (db,cache)")).ShouldBe(["p2", "p3"]);
        (await Names("tier notin (web,db)")).ShouldBe(["p3"]);
        (await Names("tier")).Count.ShouldBe(5);
        (await Names("!tier")).ShouldBeEmpty();
        (await _client.CoreV1.ListNamespacedPodAsync("listing", fieldSelector: "metadata.name=p2", cancellationToken: Ct)).Items.Single().Metadata.Name.ShouldBe("p2");
        (await _client.CoreV1.ListPodForAllNamespacesAsync(fieldSelector: "metadata.namespace=listing,metadata.name!=p0", cancellationToken: Ct)).Items.Count.ShouldBe(4);

        V1PodList first = await _client.CoreV1.ListNamespacedPodAsync("listing", limit: 2, cancellationToken: Ct);
        V1PodList second = await _client.CoreV1.ListNamespacedPodAsync("listing", limit: 2, continueParameter: first.Metadata.ContinueProperty, cancellationToken: Ct);
        V1PodList third = await _client.CoreV1.ListNamespacedPodAsync("listing", limit: 2, continueParameter: second.Metadata.ContinueProperty, cancellationToken: Ct);
        first.Items.Concat(second.Items).Concat(third.Items).Select(p => p.Metadata.Name).ShouldBe(["p0", "p1", "p2", "p3", "p4"]);
        third.Metadata.ContinueProperty.ShouldBeNull();

        async Task<List<string>> Names(string selector)
            => (await _client.CoreV1.ListNamespacedPodAsync("listing", labelSelector: selector, cancellationToken: Ct)).Items.Select(p => p.Metadata.Name).ToList();
    }

    [Fact]
    public async Task Merge_json_and_strategic_patches_update_the_object_and_generation()
    {
        V1Deployment created = await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("patched", replicas: 1), "default", cancellationToken: Ct);
        created.Metadata.Generation.ShouldBe(1);

        V1Deployment merged = await _client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch("""{"spec":{"replicas":3},"metadata":{"labels":{"team":"a"}}}""", V1Patch.PatchType.MergePatch), "patched", "default", cancellationToken: Ct);
        merged.Spec.Replicas.ShouldBe(3);
        merged.Metadata.Generation.ShouldBe(2);

        V1Deployment jsonPatched = await _client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch("""[{"op":"replace","path":"/spec/replicas","value":2},{"op":"add","path":"/metadata/labels/tier","value":"web"}]""", V1Patch.PatchType.JsonPatch),
            "patched", "default", cancellationToken: Ct);
        jsonPatched.Spec.Replicas.ShouldBe(2);
        jsonPatched.Metadata.Labels.ShouldContainKeyAndValue("tier", "web");

        V1Deployment strategic = await _client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch("""{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"web:2"}]}}}}""", V1Patch.PatchType.StrategicMergePatch),
            "patched", "default", cancellationToken: Ct);
        V1Container container = strategic.Spec.Template.Spec.Containers.Single();
        container.Image.ShouldBe("web:2");
        container.Ports.Single().ContainerPort.ShouldBe(8080);

        (await StatusOf(() => _client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch("""{"metadata":{"resourceVersion":"1"},"spec":{"replicas":9}}""", V1Patch.PatchType.MergePatch), "patched", "default", cancellationToken: Ct)))
            .ShouldBe((409, "Conflict"));
        (await StatusOf(() => _client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch("""[{"op":"remove","path":"/spec/nothing"}]""", V1Patch.PatchType.JsonPatch), "patched", "default", cancellationToken: Ct)))
            .ShouldBe((422, "Invalid"));
        (await StatusOf(() => _client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch("""{"spec":{}}""", V1Patch.PatchType.MergePatch), "missing", "default", cancellationToken: Ct)))
            .ShouldBe((404, "NotFound"));
    }

    [Fact]
    public async Task Server_side_apply_creates_then_drops_what_its_manager_stopped_applying_and_needs_a_field_manager()
    {
        const string applied = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"applied","namespace":"default"},"data":{"a":"1"}}""";

        V1ConfigMap created = await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(applied, V1Patch.PatchType.ApplyPatch), "applied", "default", fieldManager: "slipway", cancellationToken: Ct);
        V1ConfigMap reapplied = await _client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch(applied.Replace("\"a\"", "\"b\"", StringComparison.Ordinal).Replace("\"1\"", "\"2\"", StringComparison.Ordinal), V1Patch.PatchType.ApplyPatch), "applied", "default", fieldManager: "slipway", cancellationToken: Ct);

        created.Data.ShouldBe(new Dictionary<string, string> { ["a"] = "1" });
        reapplied.Data.ShouldBe(new Dictionary<string, string> { ["b"] = "2" });
        (await StatusOf(() => _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(applied, V1Patch.PatchType.ApplyPatch), "applied", "default", cancellationToken: Ct)))
            .ShouldBe((422, "Invalid"));
    }

    [Fact]
    public async Task Status_subresource_changes_only_status()
    {
        V1Deployment created = await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("status", replicas: 2), "default", cancellationToken: Ct);
        created.Spec.Replicas = 7;
        created.Status = new V1DeploymentStatus { Replicas = 2, ObservedGeneration = 1 };

        V1Deployment replaced = await _client.AppsV1.ReplaceNamespacedDeploymentStatusAsync(created, "status", "default", cancellationToken: Ct);
        V1Deployment patched = await _client.AppsV1.PatchNamespacedDeploymentStatusAsync(
            new V1Patch("""{"status":{"readyReplicas":2}}""", V1Patch.PatchType.MergePatch), "status", "default", cancellationToken: Ct);
        V1Deployment read = await _client.AppsV1.ReadNamespacedDeploymentStatusAsync("status", "default", cancellationToken: Ct);

        replaced.Spec.Replicas.ShouldBe(2);
        replaced.Status.Replicas.ShouldBe(2);
        patched.Status.ReadyReplicas.ShouldBe(2);
        read.Metadata.Generation.ShouldBe(1);
        read.Status.ObservedGeneration.ShouldBe(1);
    }

    [Fact]
    public async Task Scale_subresource_reads_and_writes_the_replicas()
    {
        await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("scaled", replicas: 2), "default", cancellationToken: Ct);

        V1Scale read = await _client.AppsV1.ReadNamespacedDeploymentScaleAsync("scaled", "default", cancellationToken: Ct);
        V1Scale patched = await _client.AppsV1.PatchNamespacedDeploymentScaleAsync(
            new V1Patch("""{"spec":{"replicas":4}}""", V1Patch.PatchType.MergePatch), "scaled", "default", cancellationToken: Ct);

        read.Spec.Replicas.ShouldBe(2);
        read.Status.Selector.ShouldBe("app=scaled");
        patched.Spec.Replicas.ShouldBe(4);
        (await _client.AppsV1.ReadNamespacedDeploymentAsync("scaled", "default", cancellationToken: Ct)).Spec.Replicas.ShouldBe(4);
    }

    [Fact]
    public async Task Dry_runs_answer_without_keeping_anything()
    {
        V1ConfigMap created = await _client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("dry", ("a", "1")), "default", dryRun: "All", cancellationToken: Ct);
        created.Metadata.Uid.ShouldNotBeNullOrEmpty();
        (await StatusOf(() => _client.CoreV1.ReadNamespacedConfigMapAsync("dry", "default", cancellationToken: Ct))).ShouldBe((404, "NotFound"));

        await _client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("dry", ("a", "1")), "default", cancellationToken: Ct);
        V1ConfigMap patched = await _client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""{"data":{"a":"2"}}""", V1Patch.PatchType.MergePatch), "dry", "default", dryRun: "All", cancellationToken: Ct);
        await _client.CoreV1.DeleteNamespacedConfigMapAsync("dry", "default", dryRun: "All", cancellationToken: Ct);

        patched.Data["a"].ShouldBe("2");
        (await _client.CoreV1.ReadNamespacedConfigMapAsync("dry", "default", cancellationToken: Ct)).Data["a"].ShouldBe("1");
    }

    [Fact]
    public async Task Delete_collection_removes_what_the_selector_matches()
    {
        await _client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "collection" } }, cancellationToken: Ct);
        foreach (string tier in new[] { "a", "a", "b" })
        {
            await _client.CoreV1.CreateNamespacedConfigMapAsync(
                new V1ConfigMap { Metadata = new V1ObjectMeta { GenerateName = "cm-", Labels = new Dictionary<string, string> { ["tier"] = tier } } }, "collection", cancellationToken: Ct);
        }

        await _client.CoreV1.DeleteCollectionNamespacedConfigMapAsync("collection", labelSelector: "tier=a", cancellationToken: Ct);

        (await _client.CoreV1.ListNamespacedConfigMapAsync("collection", cancellationToken: Ct)).Items.Single().Metadata.Labels["tier"].ShouldBe("b");
    }

    [Fact]
    public async Task Custom_resources_are_served_with_their_status()
    {
        var release = new Dictionary<string, object>
        {
            ["apiVersion"] = "helm.toolkit.fluxcd.io/v2",
            ["kind"] = "HelmRelease",
            ["metadata"] = new Dictionary<string, object> { ["name"] = "web" },
            ["spec"] = new Dictionary<string, object> { ["interval"] = "1m", ["values"] = new Dictionary<string, object> { ["image"] = new Dictionary<string, object> { ["tag"] = "1" } } },
        };
        await _client.CustomObjects.CreateNamespacedCustomObjectAsync(release, "helm.toolkit.fluxcd.io", "v2", "default", "helmreleases", cancellationToken: Ct);

        await _client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("""{"spec":{"suspend":true}}""", V1Patch.PatchType.MergePatch), "helm.toolkit.fluxcd.io", "v2", "default", "helmreleases", "web", cancellationToken: Ct);
        await _client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch("""{"status":{"conditions":[{"type":"Ready","status":"True","reason":"InstallSucceeded"}]}}""", V1Patch.PatchType.MergePatch),
            "helm.toolkit.fluxcd.io", "v2", "default", "helmreleases", "web", cancellationToken: Ct);
        var read = (JsonElement)await _client.CustomObjects.GetNamespacedCustomObjectAsync("helm.toolkit.fluxcd.io", "v2", "default", "helmreleases", "web", cancellationToken: Ct);

        read.GetProperty("spec").GetProperty("suspend").GetBoolean().ShouldBeTrue();
        read.GetProperty("metadata").GetProperty("generation").GetInt64().ShouldBe(2);
        read.GetProperty("status").GetProperty("conditions")[0].GetProperty("reason").GetString().ShouldBe("InstallSucceeded");
    }

    [Fact]
    public async Task A_lease_is_taken_once_and_a_stale_takeover_conflicts()
    {
        var lease = new V1Lease
        {
            Metadata = new V1ObjectMeta { Name = "deploy-staging" },
            Spec = new V1LeaseSpec { HolderIdentity = "run-1", LeaseDurationSeconds = 30 },
        };
        V1Lease taken = await _client.CoordinationV1.CreateNamespacedLeaseAsync(lease, "default", cancellationToken: Ct);
        (await StatusOf(() => _client.CoordinationV1.CreateNamespacedLeaseAsync(lease, "default", cancellationToken: Ct))).ShouldBe((409, "AlreadyExists"));

        taken.Spec.HolderIdentity = "run-2";
        await _client.CoordinationV1.ReplaceNamespacedLeaseAsync(taken, "deploy-staging", "default", cancellationToken: Ct);
        taken.Spec.HolderIdentity = "run-3";
        (await StatusOf(() => _client.CoordinationV1.ReplaceNamespacedLeaseAsync(taken, "deploy-staging", "default", cancellationToken: Ct))).ShouldBe((409, "Conflict"));
    }

    [Fact]
    public async Task Cluster_scoped_nodes_and_namespaces()
    {
        await _client.CoreV1.CreateNodeAsync(new V1Node { Metadata = new V1ObjectMeta { Name = "node-x" } }, cancellationToken: Ct);

        (await _client.CoreV1.ListNodeAsync(cancellationToken: Ct)).Items.Select(n => n.Metadata.Name).ShouldContain("node-x");
        (await _client.CoreV1.ReadNamespaceAsync("kube-system", cancellationToken: Ct)).Metadata.Name.ShouldBe("kube-system");
        (await _client.CoreV1.ReadNodeAsync("node-x", cancellationToken: Ct)).Metadata.Namespace().ShouldBeNull();
    }

    [Fact]
    public async Task Watch_streams_added_modified_deleted()
    {
        await _client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "watched" } }, cancellationToken: Ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        stop.CancelAfter(TimeSpan.FromSeconds(20));
        var seen = new List<(WatchEventType, string)>();
        Task changes = Task.Run(
            async () =>
            {
                await Task.Delay(200, stop.Token);
                V1ConfigMap created = await _client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("w"), "watched", cancellationToken: stop.Token);
                created.Data = new Dictionary<string, string> { ["k"] = "v" };
                await _client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "w", "watched", cancellationToken: stop.Token);
                await _client.CoreV1.DeleteNamespacedConfigMapAsync("w", "watched", cancellationToken: stop.Token);
            },
            stop.Token);

        await foreach ((WatchEventType type, V1ConfigMap item) in _client.CoreV1.WatchListNamespacedConfigMapAsync("watched", cancellationToken: stop.Token))
        {
            seen.Add((type, item.Metadata.Name));
            if (type == WatchEventType.Deleted)
            {
                break;
            }
        }

        await changes;
        seen.ShouldBe([(WatchEventType.Added, "w"), (WatchEventType.Modified, "w"), (WatchEventType.Deleted, "w")]);
    }

    private static V1ConfigMap ConfigMap(string name, params (string Key, string Value)[] data) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Data = data.Length == 0 ? null : data.ToDictionary(d => d.Key, d => d.Value),
    };

    private static V1Deployment Deployment(string name, int replicas) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1DeploymentSpec
        {
            Replicas = replicas,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "web:1", Ports = [new V1ContainerPort { ContainerPort = 8080 }] }] },
            },
        },
    };

    internal static async Task<(int Code, string Reason)> StatusOf(Func<Task> call)
    {
        HttpOperationException error = await Should.ThrowAsync<HttpOperationException>(call);
        using JsonDocument status = JsonDocument.Parse(error.Response.Content);
        ((int)error.Response.StatusCode).ShouldBe(status.RootElement.GetProperty("code").GetInt32());
        status.RootElement.GetProperty("kind").GetString().ShouldBe("Status");
        return ((int)error.Response.StatusCode, status.RootElement.GetProperty("reason").GetString()!);
    }
}
