using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Store;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Controllers.ArgoCd;

public sealed class ApplicationControllerTests
{
    private static readonly ResourceType s_application = KnownResourceTypes.Application;
    private static readonly ResourceType s_deployment = KnownResourceTypes.Deployment;

    [Fact]
    public async Task Automated_application_syncs_each_new_revision_into_history()
    {
        await using var cluster = new ControllersFixture();
        await cluster.PublishAsync("registry.local/web:1.0");
        await cluster.PublishAsync("registry.local/web:2.0");
        BareRepository git = new(Path.Combine(cluster.Directory, "apps.git"));
        string first = git.Commit(new Dictionary<string, string?> { ["apps/web/deployment.yaml"] = TestManifests.Deployment("web", "registry.local/web:1.0") });

        cluster.Create(s_application, Application("web", git.Path, automated: true));

        JsonObject app = await WaitFor(cluster, "web", a => a.Str("status", "sync", "revision") == first && a.Str("status", "sync", "status") == "Synced" && a.Str("status", "health", "status") == "Healthy");
        app.Str("status", "operationState", "phase").ShouldBe("Succeeded");
        app.Str("status", "operationState", "syncResult", "revision").ShouldBe(first);
        app.Str("status", "reconciledAt").ShouldNotBeNull();
        cluster.Get(s_deployment, "apps", "web")!.Str("metadata", "labels", "app.kubernetes.io/instance").ShouldBe("web");
        string second = git.Commit(new Dictionary<string, string?> { ["apps/web/deployment.yaml"] = TestManifests.Deployment("web", "registry.local/web:2.0") });

        Refresh(cluster, "web");

        app = await WaitFor(cluster, "web", a => a.Str("status", "sync", "revision") == second && a.Str("status", "health", "status") == "Healthy" && a.Arr("status", "history")?.Count == 2);
        app.Arr("status", "history")!.Select(h => (h.Long("id"), h.Str("revision"))).ShouldBe([(0L, first), (1L, second)]);
        app.Str("metadata", "annotations", "argocd.argoproj.io/refresh").ShouldBeNull();
        cluster.Store.List(KnownResourceTypes.Event, "argocd").Where(e => e.Str("reason") == "OperationCompleted").Select(e => (e.Str("type"), e.Str("message")))
            .ShouldBe([("Normal", $"Sync operation to {first} succeeded"), ("Normal", $"Sync operation to {second} succeeded")], ignoreOrder: true);
    }

    [Fact]
    public async Task Manual_application_is_out_of_sync_until_an_operation_syncs_it()
    {
        await using var cluster = new ControllersFixture();
        await cluster.PublishAsync("registry.local/web:1.0");
        BareRepository git = new(Path.Combine(cluster.Directory, "apps.git"));
        string sha = git.Commit(new Dictionary<string, string?> { ["apps/web/deployment.yaml"] = TestManifests.Deployment("web", "registry.local/web:1.0") });
        cluster.Create(s_application, Application("web", git.Path, automated: false));
        JsonObject pending = await WaitFor(cluster, "web", a => a.Str("status", "sync", "status") == "OutOfSync");
        pending.Str("status", "health", "status").ShouldBe("Missing");
        cluster.Get(s_deployment, "apps", "web").ShouldBeNull();

        cluster.Edit(s_application, "argocd", "web", a => a["operation"] = new JsonObject { ["sync"] = new JsonObject { ["revision"] = "main" } });

        JsonObject app = await WaitFor(cluster, "web", a => a.Str("status", "operationState", "phase") == "Succeeded" && a["operation"] is null && a.Str("status", "health", "status") == "Healthy");
        app.Str("status", "sync", "status").ShouldBe("Synced");
        app.Str("status", "operationState", "message").ShouldBe("successfully synced (all tasks run)");
        app.Str("status", "operationState", "startedAt").ShouldNotBeNull();
        app.Str("status", "operationState", "finishedAt").ShouldNotBeNull();
        app.Arr("status", "history")!.Select(h => (h.Long("id"), h.Str("revision"))).ShouldBe([(0L, sha)]);
    }

    [Fact]
    public async Task History_keeps_the_newest_entries_up_to_revisionHistoryLimit()
    {
        await using var cluster = new ControllersFixture();
        BareRepository git = new(Path.Combine(cluster.Directory, "apps.git"));
        git.Commit(new Dictionary<string, string?> { ["apps/web/config.yaml"] = TestManifests.ConfigMap("web-config") });
        cluster.Create(s_application, Application("web", git.Path, automated: false, historyLimit: 2));

        for (int i = 0; i < 3; i++)
        {
            cluster.Edit(s_application, "argocd", "web", a => a["operation"] = new JsonObject { ["sync"] = new JsonObject() });
            await WaitFor(cluster, "web", a => a["operation"] is null && a.Arr("status", "history")?.LastOrDefault()?.Long("id") == i);
        }

        JsonObject app = cluster.Get(s_application, "argocd", "web")!;
        app.Arr("status", "history")!.Select(h => h.Long("id")).ShouldBe([1L, 2L]);
    }

    [Fact]
    public async Task Chart_source_with_parameters_runs_a_deployment_and_reports_its_health()
    {
        await using var cluster = new ControllersFixture();
        await cluster.PublishAsync("registry.local/api:3.1");
        string json = """
            {
              "apiVersion": "argoproj.io/v1alpha1", "kind": "Application",
              "metadata": { "name": "api", "namespace": "argocd" },
              "spec": {
                "project": "default",
                "destination": { "server": "https://kubernetes.default.svc", "namespace": "apps" },
                "source": {
                  "repoURL": "https://charts.example.com", "chart": "api", "targetRevision": "0.4.0",
                  "helm": {
                    "valuesObject": { "image": { "repository": "registry.local/api" } },
                    "parameters": [ { "name": "image.tag", "value": "3.1" }, { "name": "replicaCount", "value": "2" } ]
                  }
                },
                "syncPolicy": { "automated": { "prune": true } }
              }
            }
            """;

        cluster.Create(s_application, json);

        JsonObject app = await WaitFor(cluster, "api", a => a.Str("status", "health", "status") == "Healthy" && a.Str("status", "sync", "status") == "Synced");
        app.Str("status", "sync", "revision").ShouldBe("0.4.0");
        app.Str("status", "sourceType").ShouldBe("Helm");
        JsonObject deployment = cluster.Get(s_deployment, "apps", "api")!;
        deployment.Long("spec", "replicas").ShouldBe(2);
        deployment.Arr("spec", "template", "spec", "containers")![0].Str("image").ShouldBe("registry.local/api:3.1");
    }

    [Fact]
    public async Task Missing_image_makes_the_application_progressing_not_healthy()
    {
        await using var cluster = new ControllersFixture();
        BareRepository git = new(Path.Combine(cluster.Directory, "apps.git"));
        git.Commit(new Dictionary<string, string?> { ["apps/web/deployment.yaml"] = TestManifests.Deployment("web", "registry.local/web:absent") });

        cluster.Create(s_application, Application("web", git.Path, automated: true));

        JsonObject app = await WaitFor(cluster, "web", a => a.Str("status", "operationState", "phase") == "Succeeded");
        await Eventually.Until(() => cluster.Store.List(KnownResourceTypes.Pod, "apps").FirstOrDefault()?.Arr("status", "containerStatuses")?.FirstOrDefault()?.Str("state", "waiting", "reason"), r => r == "ImagePullBackOff", "the pod to fail pulling");
        app = cluster.Get(s_application, "argocd", "web")!;
        app.Str("status", "health", "status").ShouldBe("Progressing");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_destination_namespace_is_created_only_with_the_CreateNamespace_sync_option(bool createNamespace)
    {
        await using var cluster = new ControllersFixture();
        await cluster.PublishAsync("registry.local/api:3.1");
        string options = createNamespace ? ", \"syncOptions\": [ \"CreateNamespace=true\" ]" : string.Empty;
        string json = $$"""
            {
              "apiVersion": "argoproj.io/v1alpha1", "kind": "Application",
              "metadata": { "name": "api", "namespace": "argocd" },
              "spec": {
                "project": "default",
                "destination": { "server": "https://kubernetes.default.svc", "namespace": "fresh" },
                "source": {
                  "repoURL": "https://charts.example.com", "chart": "api", "targetRevision": "0.4.0",
                  "helm": { "valuesObject": { "image": { "repository": "registry.local/api", "tag": "3.1" } } }
                },
                "syncPolicy": { "automated": { "prune": true }{{options}} }
              }
            }
            """;

        cluster.Create(s_application, json);

        await WaitFor(cluster, "api", a => a.Str("status", "operationState", "phase") == "Succeeded");
        cluster.Get(s_deployment, "fresh", "api").ShouldNotBeNull();
        (cluster.Get(KnownResourceTypes.Namespace, null, "fresh") is not null).ShouldBe(createNamespace);
    }

    [Fact]
    public async Task App_of_apps_creates_child_applications_that_sync_themselves()
    {
        await using var cluster = new ControllersFixture();
        await cluster.PublishAsync("registry.local/web:1.0");
        BareRepository git = new(Path.Combine(cluster.Directory, "apps.git"));
        string child = Application("web", git.Path, automated: true);
        git.Commit(new Dictionary<string, string?>
        {
            ["apps/root/web.yaml"] = child,
            ["apps/web/deployment.yaml"] = TestManifests.Deployment("web", "registry.local/web:1.0"),
        });

        cluster.Create(s_application, Application("root", git.Path, automated: true, path: "apps/root"));

        await WaitFor(cluster, "root", a => a.Str("status", "sync", "status") == "Synced");
        await WaitFor(cluster, "web", a => a.Str("status", "health", "status") == "Healthy" && a.Str("status", "sync", "status") == "Synced");
        cluster.Get(s_application, "argocd", "web")!.Str("metadata", "labels", "app.kubernetes.io/instance").ShouldBe("root");
    }

    [Fact]
    public async Task Missing_path_fails_the_sync_with_a_comparison_error()
    {
        await using var cluster = new ControllersFixture();
        BareRepository git = new(Path.Combine(cluster.Directory, "apps.git"));
        git.Commit(new Dictionary<string, string?> { ["apps/web/config.yaml"] = TestManifests.ConfigMap("web-config") });
        cluster.Create(s_application, Application("web", git.Path, automated: false, path: "apps/nowhere"));

        cluster.Edit(s_application, "argocd", "web", a => a["operation"] = new JsonObject { ["sync"] = new JsonObject() });

        JsonObject app = await WaitFor(cluster, "web", a => a.Str("status", "operationState", "phase") == "Error" && a["operation"] is null);
        app.Str("status", "operationState", "message")!.ShouldContain("apps/nowhere does not exist");
        app.Arr("status", "conditions")!.Select(c => c.Str("type")).ShouldContain("ComparisonError");
        app.Str("status", "sync", "status").ShouldBe("Unknown");
        JsonObject completed = cluster.Store.List(KnownResourceTypes.Event, "argocd").Single(e => e.Str("reason") == "OperationCompleted");
        (completed.Str("type"), completed.Str("source", "component")).ShouldBe(("Warning", "argocd-application-controller"));
        completed.Str("message")!.ShouldContain("failed: ComparisonError");
    }

    [Fact]
    public async Task Deleting_an_application_with_the_resources_finalizer_deletes_its_objects()
    {
        await using var cluster = new ControllersFixture();
        BareRepository git = new(Path.Combine(cluster.Directory, "apps.git"));
        git.Commit(new Dictionary<string, string?> { ["apps/web/config.yaml"] = TestManifests.ConfigMap("web-config") });
        JsonObject app = JsonNode.Parse(Application("web", git.Path, automated: true))!.AsObject();
        app["metadata"]!["finalizers"] = new JsonArray("resources-finalizer.argocd.argoproj.io");
        cluster.Create(s_application, app.ToJsonString());
        await WaitFor(cluster, "web", a => a.Str("status", "sync", "status") == "Synced");

        cluster.Store.Delete(s_application, "argocd", "web");

        await Eventually.Until(() => cluster.Get(KnownResourceTypes.ConfigMap, "apps", "web-config"), c => c is null, "the config map to be deleted with its application");
    }

    internal static string Application(string name, string repository, bool automated, string? path = null, int? historyLimit = null)
    {
        var spec = new JsonObject
        {
            ["project"] = "default",
            ["destination"] = new JsonObject { ["server"] = "https://kubernetes.default.svc", ["namespace"] = "apps" },
            ["source"] = new JsonObject { ["repoURL"] = repository, ["path"] = path ?? $"apps/{name}", ["targetRevision"] = "main" },
        };
        if (automated)
        {
            spec["syncPolicy"] = new JsonObject { ["automated"] = new JsonObject { ["prune"] = true, ["selfHeal"] = true } };
        }

        if (historyLimit is int limit)
        {
            spec["revisionHistoryLimit"] = limit;
        }

        return new JsonObject
        {
            ["apiVersion"] = "argoproj.io/v1alpha1",
            ["kind"] = "Application",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "argocd" },
            ["spec"] = spec,
        }.ToJsonString();
    }

    private static void Refresh(ControllersFixture cluster, string name)
        => cluster.Edit(s_application, "argocd", name, a => a["metadata"]!.AsObject().Ensure("annotations")["argocd.argoproj.io/refresh"] = "normal");

    private static Task<JsonObject> WaitFor(ControllersFixture cluster, string name, Func<JsonObject, bool> done)
        => Eventually.Until(() => cluster.Get(s_application, "argocd", name) ?? [], done, $"application {name}");
}
