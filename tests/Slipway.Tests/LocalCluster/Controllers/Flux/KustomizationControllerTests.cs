using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Store;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Controllers.Flux;

public sealed class KustomizationControllerTests
{
    private static readonly ResourceType s_gitRepository = KnownResourceTypes.GitRepository;
    private static readonly ResourceType s_kustomization = KnownResourceTypes.Kustomization;

    [Fact]
    public async Task GitRepository_reports_the_fetched_revision()
    {
        await using var cluster = new ControllersFixture();
        BareRepository git = NewRepository(cluster);
        string sha = git.Commit(new Dictionary<string, string?> { ["clusters/staging/ns.yaml"] = TestManifests.Namespace("apps") });

        cluster.Create(s_gitRepository, GitRepository(git.Path));

        JsonObject source = await WaitForSource(cluster, $"main@sha1:{sha}");
        Conditions.Find(source.Obj("status")!, "Ready")!.Str("message").ShouldBe($"stored artifact for revision 'main@sha1:{sha}'");
        source.Long("status", "observedGeneration").ShouldBe(1);
    }

    [Theory]
    [InlineData("/nonexistent/repository.git", "repository not found")]
    [InlineData("https://github.com/example/gitops", "only local repositories")]
    public async Task GitRepository_that_cannot_be_fetched_is_not_ready(string url, string message)
    {
        await using var cluster = new ControllersFixture();

        cluster.Create(s_gitRepository, GitRepository(url));

        JsonObject source = await Eventually.Until(
            () => cluster.Get(s_gitRepository, "flux-system", "gitops")!,
            s => Conditions.Find(s.Obj("status") ?? [], "Ready")?.Str("status") == "False",
            "Ready=False");
        JsonObject ready = Conditions.Find(source.Obj("status")!, "Ready")!;
        ready.Str("reason").ShouldBe("GitOperationFailed");
        ready.Str("message")!.ShouldContain(message);
    }

    [Fact]
    public async Task Kustomization_applies_every_manifest_under_its_path_with_flux_labels()
    {
        await using var cluster = new ControllersFixture();
        BareRepository git = NewRepository(cluster);
        string sha = git.Commit(new Dictionary<string, string?>
        {
            ["clusters/staging/ns.yaml"] = TestManifests.Namespace("apps"),
            ["clusters/staging/web/deployment.yaml"] = TestManifests.Deployment("web", "registry.local/web:1.0") + "\n---\n" + TestManifests.ConfigMap("web-config"),
            ["clusters/production/web.yaml"] = TestManifests.Deployment("prod-web", "registry.local/web:1.0"),
            ["README.md"] = "not a manifest",
        });
        cluster.Create(s_gitRepository, GitRepository(git.Path));

        cluster.Create(s_kustomization, Kustomization("staging", "./clusters/staging"));

        JsonObject kustomization = await WaitForApplied(cluster, "staging", $"main@sha1:{sha}");
        kustomization.Str("status", "lastAttemptedRevision").ShouldBe($"main@sha1:{sha}");
        Conditions.Find(kustomization.Obj("status")!, "Ready")!.Str("reason").ShouldBe("ReconciliationSucceeded");
        kustomization.Arr("status", "inventory", "entries")!.Select(e => e.Str("id")).ShouldBe(
            ["_apps__Namespace", "apps_web-config__ConfigMap", "apps_web_apps_Deployment"], ignoreOrder: true);
        JsonObject deployment = cluster.Get(KnownResourceTypes.Deployment, "apps", "web")!;
        deployment.Str("metadata", "labels", "kustomize.toolkit.fluxcd.io/name").ShouldBe("staging");
        deployment.Str("metadata", "labels", "kustomize.toolkit.fluxcd.io/namespace").ShouldBe("flux-system");
        deployment.Long("spec", "replicas").ShouldBe(1);
        cluster.Get(KnownResourceTypes.ConfigMap, "apps", "web-config")!.Str("data", "count").ShouldBe("3");
        cluster.Get(KnownResourceTypes.Deployment, "apps", "prod-web").ShouldBeNull();
    }

    [Fact]
    public async Task New_revision_on_requestedAt_updates_and_prunes()
    {
        await using var cluster = new ControllersFixture();
        BareRepository git = NewRepository(cluster);
        git.Commit(new Dictionary<string, string?>
        {
            ["clusters/staging/web.yaml"] = TestManifests.Deployment("web", "registry.local/web:1.0"),
            ["clusters/staging/config.yaml"] = TestManifests.ConfigMap("web-config"),
        });
        cluster.Create(s_gitRepository, GitRepository(git.Path));
        cluster.Create(s_kustomization, Kustomization("staging", "./clusters/staging"));
        await Eventually.Until(() => cluster.Get(KnownResourceTypes.ConfigMap, "apps", "web-config"), c => c is not null, "the config map");
        string sha = git.Commit(new Dictionary<string, string?>
        {
            ["clusters/staging/web.yaml"] = TestManifests.Deployment("web", "registry.local/web:2.0"),
            ["clusters/staging/config.yaml"] = null,
        });

        RequestReconcile(cluster, s_gitRepository, "gitops", "token-1");

        JsonObject source = await WaitForSource(cluster, $"main@sha1:{sha}");
        source.Str("status", "lastHandledReconcileAt").ShouldBe("token-1");
        await WaitForApplied(cluster, "staging", $"main@sha1:{sha}");
        cluster.Get(KnownResourceTypes.Deployment, "apps", "web")!.Arr("spec", "template", "spec", "containers")![0].Str("image").ShouldBe("registry.local/web:2.0");
        cluster.Get(KnownResourceTypes.ConfigMap, "apps", "web-config").ShouldBeNull();
    }

    [Fact]
    public async Task Kustomization_yaml_limits_what_is_applied_to_its_resources()
    {
        await using var cluster = new ControllersFixture();
        BareRepository git = NewRepository(cluster);
        string sha = git.Commit(new Dictionary<string, string?>
        {
            ["clusters/staging/kustomization.yaml"] = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: team\nresources:\n  - web.yaml\n  - ../../base\n",
            ["clusters/staging/web.yaml"] = TestManifests.Deployment("web", "registry.local/web:1.0"),
            ["clusters/staging/unused.yaml"] = TestManifests.ConfigMap("unused"),
            ["base/config.yaml"] = TestManifests.ConfigMap("base-config"),
        });
        cluster.Create(s_gitRepository, GitRepository(git.Path));

        cluster.Create(s_kustomization, Kustomization("staging", "./clusters/staging"));

        await WaitForApplied(cluster, "staging", $"main@sha1:{sha}");
        cluster.Get(KnownResourceTypes.Deployment, "team", "web").ShouldNotBeNull();
        cluster.Get(KnownResourceTypes.ConfigMap, "team", "base-config").ShouldNotBeNull();
        cluster.Get(KnownResourceTypes.ConfigMap, "team", "unused").ShouldBeNull();
    }

    [Theory]
    [InlineData("apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: web\n", "clusters/staging/monitor.yaml: no matches for kind \"ServiceMonitor\" in version \"monitoring.coreos.com/v1\"")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n", "clusters/staging/monitor.yaml: ConfigMap/web namespace not specified")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  namespace: apps\n", "clusters/staging/monitor.yaml: ConfigMap without metadata.name")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata: [\n", "clusters/staging/monitor.yaml:4: invalid YAML")]
    public async Task Bad_manifest_fails_the_reconcile_and_applies_nothing(string manifest, string message)
    {
        await using var cluster = new ControllersFixture();
        BareRepository git = NewRepository(cluster);
        string sha = git.Commit(new Dictionary<string, string?>
        {
            ["clusters/staging/web.yaml"] = TestManifests.Deployment("web", "registry.local/web:1.0"),
            ["clusters/staging/monitor.yaml"] = manifest,
        });
        cluster.Create(s_gitRepository, GitRepository(git.Path));

        cluster.Create(s_kustomization, Kustomization("staging", "./clusters/staging"));

        JsonObject kustomization = await Eventually.Until(
            () => cluster.Get(s_kustomization, "flux-system", "staging")!,
            k => Conditions.Find(k.Obj("status") ?? [], "Ready")?.Str("reason") == "ReconciliationFailed",
            "Ready=False ReconciliationFailed");
        JsonObject ready = Conditions.Find(kustomization.Obj("status")!, "Ready")!;
        ready.Str("status").ShouldBe("False");
        ready.Str("message")!.ShouldContain(message);
        kustomization.Str("status", "lastAttemptedRevision").ShouldBe($"main@sha1:{sha}");
        kustomization.Str("status", "lastAppliedRevision").ShouldBeNull();
        cluster.Get(KnownResourceTypes.Deployment, "apps", "web").ShouldBeNull();
        JsonObject failed = cluster.Store.List(KnownResourceTypes.Event, "flux-system").Single(e => e.Str("reason") == "ReconciliationFailed");
        (failed.Str("type"), failed.Str("source", "component"), failed.Str("involvedObject", "name")).ShouldBe(("Warning", "kustomize-controller", "staging"));
        failed.Str("message")!.ShouldContain(message);
    }

    [Fact]
    public async Task Suspended_kustomization_stays_on_its_revision_and_requestedAt_is_handled()
    {
        await using var cluster = new ControllersFixture();
        BareRepository git = NewRepository(cluster);
        string first = git.Commit(new Dictionary<string, string?>
        {
            ["clusters/staging/web.yaml"] = TestManifests.Deployment("web", "registry.local/web:1.0"),
            ["clusters/witness/config.yaml"] = TestManifests.ConfigMap("witness"),
        });
        cluster.Create(s_gitRepository, GitRepository(git.Path));
        cluster.Create(s_kustomization, Kustomization("staging", "./clusters/staging"));
        await WaitForApplied(cluster, "staging", $"main@sha1:{first}");
        cluster.Edit(s_kustomization, "flux-system", "staging", k => k["spec"]!["suspend"] = true);
        string second = git.Commit(new Dictionary<string, string?> { ["clusters/staging/web.yaml"] = TestManifests.Deployment("web", "registry.local/web:2.0") });

        RequestReconcile(cluster, s_gitRepository, "gitops", "token-2");
        await WaitForSource(cluster, $"main@sha1:{second}");
        cluster.Create(s_kustomization, Kustomization("witness", "./clusters/witness"));
        await WaitForApplied(cluster, "witness", $"main@sha1:{second}");

        cluster.Get(s_kustomization, "flux-system", "staging")!.Str("status", "lastAppliedRevision").ShouldBe($"main@sha1:{first}");
        cluster.Edit(s_kustomization, "flux-system", "staging", k => k["spec"]!["suspend"] = false);
        RequestReconcile(cluster, s_kustomization, "staging", "token-3");
        JsonObject resumed = await WaitForApplied(cluster, "staging", $"main@sha1:{second}");
        await Eventually.Until(() => cluster.Get(s_kustomization, "flux-system", "staging")!, k => k.Str("status", "lastHandledReconcileAt") == "token-3", "requestedAt handled");
        resumed.Str("status", "lastAppliedRevision").ShouldBe($"main@sha1:{second}");
    }

    [Fact]
    public async Task Deleting_a_pruning_kustomization_deletes_what_it_applied()
    {
        await using var cluster = new ControllersFixture();
        BareRepository git = NewRepository(cluster);
        string sha = git.Commit(new Dictionary<string, string?> { ["clusters/staging/config.yaml"] = TestManifests.ConfigMap("web-config") });
        cluster.Create(s_gitRepository, GitRepository(git.Path));
        cluster.Create(s_kustomization, Kustomization("staging", "./clusters/staging"));
        await WaitForApplied(cluster, "staging", $"main@sha1:{sha}");

        cluster.Store.Delete(s_kustomization, "flux-system", "staging");

        await Eventually.Until(() => cluster.Get(KnownResourceTypes.ConfigMap, "apps", "web-config"), c => c is null, "the config map to be garbage collected");
    }

    internal static BareRepository NewRepository(ControllersFixture cluster)
        => new(Path.Combine(cluster.Directory, "gitops.git"));

    internal static string GitRepository(string url) => $$"""
        {
          "apiVersion": "source.toolkit.fluxcd.io/v1", "kind": "GitRepository",
          "metadata": { "name": "gitops", "namespace": "flux-system" },
          "spec": { "url": "{{url}}", "interval": "1m", "ref": { "branch": "main" } }
        }
        """;

    internal static string Kustomization(string name, string path) => $$"""
        {
          "apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
          "metadata": { "name": "{{name}}", "namespace": "flux-system" },
          "spec": { "interval": "10m", "path": "{{path}}", "prune": true, "sourceRef": { "kind": "GitRepository", "name": "gitops" } }
        }
        """;

    internal static void RequestReconcile(ControllersFixture cluster, ResourceType type, string name, string token)
        => cluster.Edit(type, "flux-system", name, o => o["metadata"]!.AsObject().Ensure("annotations")["reconcile.fluxcd.io/requestedAt"] = token);

    internal static Task<JsonObject> WaitForSource(ControllersFixture cluster, string revision)
        => Eventually.Until(() => cluster.Get(s_gitRepository, "flux-system", "gitops")!, s => s.Str("status", "artifact", "revision") == revision, $"GitRepository at {revision}");

    internal static Task<JsonObject> WaitForApplied(ControllersFixture cluster, string name, string revision)
        => Eventually.Until(() => cluster.Get(s_kustomization, "flux-system", name)!, k => k.Str("status", "lastAppliedRevision") == revision, $"Kustomization {name} at {revision}");
}
