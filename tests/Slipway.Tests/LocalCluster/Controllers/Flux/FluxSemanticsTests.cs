using System.Text.Json.Nodes;
using LibGit2Sharp;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Store;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Controllers.Flux;

/// <summary>
/// The Flux semantics later targets rely on: dependsOn waits (naming the dependency), suspend stops and resume goes on,
/// a new HelmRelease generation after a failed or pending upgrade is acted on at once, forceAt/resetAt, a remediation of an
/// older generation is not the state of the current one, and a source that cannot fetch says why.
/// </summary>
public sealed class FluxSemanticsTests
{
    private const string Url = HelmReleaseControllerTests.ChartsUrl;
    private static readonly ResourceType s_release = KnownResourceTypes.HelmRelease;
    private static readonly ResourceType s_kustomization = KnownResourceTypes.Kustomization;

    [Fact]
    public async Task HelmRelease_waits_for_its_dependency_naming_it()
    {
        await using var cluster = new ControllersFixture();
        await cluster.AddChartRepositoryAsync(Url, "web", ["1.2.0"]);
        cluster.Create(s_release, WithDependency(ChartRepositoryTests.Release("1.2.0", name: "app"), "base"));

        JsonObject waiting = await ChartRepositoryTests.WaitForReady(cluster, s_release, "app", "False", "DependencyNotReady");
        ChartRepositoryTests.Ready(waiting).Str("message").ShouldBe("unable to get 'flux-system/base' dependency: helmreleases.helm.toolkit.fluxcd.io \"base\" not found");
        cluster.Get(KnownResourceTypes.Deployment, "apps", "app").ShouldBeNull();

        cluster.Create(s_release, ChartRepositoryTests.Release("9.9.9", name: "base"));
        await ChartRepositoryTests.WaitForReady(cluster, s_release, "base", "False", "HelmChartNotReady");
        waiting = await Eventually.Until(() => cluster.Get(s_release, "flux-system", "app")!, r => ChartRepositoryTests.Ready(r).Str("message") == "dependency 'flux-system/base' is not ready", "the dependency named as not ready");
        ChartRepositoryTests.Ready(waiting).Str("reason").ShouldBe("DependencyNotReady");

        cluster.Edit(s_release, "flux-system", "base", r => r["spec"]!["chart"]!["spec"]!["version"] = "1.2.0");
        await ChartRepositoryTests.WaitForReady(cluster, s_release, "app", "True", "InstallSucceeded");
    }

    [Fact]
    public async Task Kustomization_waits_for_its_dependency_and_applies_nothing_meanwhile()
    {
        await using var cluster = new ControllersFixture();
        BareRepository git = KustomizationControllerTests.NewRepository(cluster);
        git.Commit(new Dictionary<string, string?>
        {
            ["infra/ns.yaml"] = TestManifests.Namespace("apps"),
            ["apps/web.yaml"] = TestManifests.Deployment("web", "registry.local/web:1.0"),
        });
        cluster.Create(KnownResourceTypes.GitRepository, KustomizationControllerTests.GitRepository(git.Path));
        cluster.Create(s_kustomization, WithDependency(KustomizationControllerTests.Kustomization("apps", "./apps"), "infra"));

        JsonObject waiting = await Eventually.Until(() => cluster.Get(s_kustomization, "flux-system", "apps")!, k => ChartRepositoryTests.Ready(k).Str("reason") == "DependencyNotReady", "apps waiting");
        ChartRepositoryTests.Ready(waiting).Str("message").ShouldBe("unable to get 'flux-system/infra' dependency: kustomizations.kustomize.toolkit.fluxcd.io \"infra\" not found");
        cluster.Get(KnownResourceTypes.Deployment, "apps", "web").ShouldBeNull();

        cluster.Create(s_kustomization, KustomizationControllerTests.Kustomization("infra", "./infra"));

        await Eventually.Until(() => cluster.Get(s_kustomization, "flux-system", "apps")!, k => ChartRepositoryTests.Ready(k).Str("reason") == "ReconciliationSucceeded", "apps applied after infra");
        cluster.Get(KnownResourceTypes.Deployment, "apps", "web").ShouldNotBeNull();
    }

    [Fact]
    public async Task Suspended_GitRepository_keeps_its_artifact_until_resumed()
    {
        await using var cluster = new ControllersFixture();
        BareRepository git = KustomizationControllerTests.NewRepository(cluster);
        string first = git.Commit(new Dictionary<string, string?> { ["a.yaml"] = TestManifests.Namespace("a") });
        cluster.Create(KnownResourceTypes.GitRepository, KustomizationControllerTests.GitRepository(git.Path));
        await KustomizationControllerTests.WaitForSource(cluster, $"main@sha1:{first}");
        cluster.Edit(KnownResourceTypes.GitRepository, "flux-system", "gitops", g => g["spec"]!["suspend"] = true);
        string second = git.Commit(new Dictionary<string, string?> { ["b.yaml"] = TestManifests.Namespace("b") });

        KustomizationControllerTests.RequestReconcile(cluster, KnownResourceTypes.GitRepository, "gitops", "while-suspended");
        cluster.Create(KnownResourceTypes.GitRepository, KustomizationControllerTests.GitRepository(git.Path).Replace("\"gitops\"", "\"witness\"", StringComparison.Ordinal));
        await Eventually.Until(() => cluster.Get(KnownResourceTypes.GitRepository, "flux-system", "witness")!, g => g.Str("status", "artifact", "revision") == $"main@sha1:{second}", "the witness fetched");

        cluster.Get(KnownResourceTypes.GitRepository, "flux-system", "gitops")!.Str("status", "artifact", "revision").ShouldBe($"main@sha1:{first}");
        cluster.Edit(KnownResourceTypes.GitRepository, "flux-system", "gitops", g => g["spec"]!["suspend"] = false);
        await KustomizationControllerTests.WaitForSource(cluster, $"main@sha1:{second}");
    }

    [Fact]
    public async Task GitRepository_whose_commit_tree_is_missing_is_not_ready_with_the_git_error()
    {
        await using var cluster = new ControllersFixture();
        BareRepository git = KustomizationControllerTests.NewRepository(cluster);
        string sha = git.Commit(new Dictionary<string, string?> { ["a.yaml"] = TestManifests.Namespace("a") });
        string tree;
        using (var repository = new Repository(git.Path))
        {
            tree = repository.Lookup<Commit>(sha).Tree.Sha;
        }

        File.Delete(Path.Combine(git.Path, "objects", tree[..2], tree[2..]));
        cluster.Create(KnownResourceTypes.GitRepository, KustomizationControllerTests.GitRepository(git.Path));

        JsonObject source = await Eventually.Until(() => cluster.Get(KnownResourceTypes.GitRepository, "flux-system", "gitops")!, g => ChartRepositoryTests.Ready(g).Str("status") == "False", "the source to fail");
        ChartRepositoryTests.Ready(source).Str("reason").ShouldBe("GitOperationFailed");
        ChartRepositoryTests.Ready(source).Str("message")!.ShouldStartWith("failed to checkout and determine revision");
        source.At("status", "artifact").ShouldBeNull();
    }

    [Fact]
    public async Task New_generation_while_an_upgrade_is_pending_is_acted_on_at_once()
    {
        await using var cluster = new ControllersFixture();
        await cluster.AddChartRepositoryAsync(Url, "web", ["1.2.0"]);
        await cluster.PublishAsync("registry.local/web:1.0");
        await cluster.PublishAsync("registry.local/web:2.0");
        cluster.Create(s_release, HelmReleaseControllerTests.HelmRelease(tag: "1.0", retries: 3));
        await ChartRepositoryTests.WaitForReady(cluster, s_release, "web", "True", "InstallSucceeded");

        // A tag the registry does not have: the upgrade waits for its 5m timeout (pending-upgrade).
        SetTag(cluster, "missing");
        await Eventually.Until(() => cluster.Get(s_release, "flux-system", "web")!, r => History(r)[0].Str("status") == "pending-upgrade", "the pending upgrade");
        SetTag(cluster, "2.0");

        JsonObject release = await ChartRepositoryTests.WaitForReady(cluster, s_release, "web", "True", "UpgradeSucceeded");
        History(release).Select(h => (h.Long("version"), h.Str("status"))).ShouldBe([(3L, "deployed"), (2L, "failed"), (1L, "superseded")]);
        release.Long("status", "observedGeneration").ShouldBe(release.Long("metadata", "generation"));
        cluster.Get(KnownResourceTypes.Deployment, "apps", "web")!.Arr("spec", "template", "spec", "containers")![0].Str("image").ShouldBe("registry.local/web:2.0");
    }

    [Fact]
    public async Task Rollback_of_an_older_generation_is_not_the_state_of_the_current_one()
    {
        await using var cluster = new ControllersFixture();
        await cluster.AddChartRepositoryAsync(Url, "web", ["1.2.0"]);
        await cluster.PublishAsync("registry.local/web:1.0");
        cluster.Create(s_release, HelmReleaseControllerTests.HelmRelease(tag: "1.0", retries: 1));
        await ChartRepositoryTests.WaitForReady(cluster, s_release, "web", "True", "InstallSucceeded");
        SetTag(cluster, "missing", timeout: "300ms");
        await ChartRepositoryTests.WaitForReady(cluster, s_release, "web", "False", "RollbackSucceeded");

        // The next generation asks again for what the rollback restored: nothing to release, and Ready for this generation.
        SetTag(cluster, "1.0");

        JsonObject release = await ChartRepositoryTests.WaitForReady(cluster, s_release, "web", "True", "UpgradeSucceeded");
        release.Long("status", "observedGeneration").ShouldBe(release.Long("metadata", "generation"));
        Conditions.Find(release.Obj("status")!, "Remediated").ShouldBeNull();
        release.At("status", "upgradeFailures").ShouldBeNull();
        History(release)[0].Str("status").ShouldBe("deployed");
    }

    [Fact]
    public async Task ForceAt_with_requestedAt_runs_an_upgrade_even_when_nothing_changed()
    {
        await using var cluster = new ControllersFixture();
        await cluster.AddChartRepositoryAsync(Url, "web", ["1.2.0"]);
        await cluster.PublishAsync("registry.local/web:1.0");
        cluster.Create(s_release, HelmReleaseControllerTests.HelmRelease(tag: "1.0"));
        await ChartRepositoryTests.WaitForReady(cluster, s_release, "web", "True", "InstallSucceeded");

        Annotate(cluster, ("reconcile.fluxcd.io/forceAt", "f1"), ("reconcile.fluxcd.io/requestedAt", "other"));
        await Eventually.Until(() => cluster.Get(s_release, "flux-system", "web")!, r => r.Str("status", "lastHandledReconcileAt") == "other", "requestedAt handled");
        History(cluster.Get(s_release, "flux-system", "web")!).Count.ShouldBe(1);

        Annotate(cluster, ("reconcile.fluxcd.io/forceAt", "f2"), ("reconcile.fluxcd.io/requestedAt", "f2"));

        JsonObject release = await Eventually.Until(() => cluster.Get(s_release, "flux-system", "web")!, r => r.Str("status", "lastHandledForceAt") == "f2" && History(r)[0].Str("status") == "deployed", "the forced upgrade");
        History(release).Select(h => (h.Long("version"), h.Str("status"))).ShouldBe([(2L, "deployed"), (1L, "superseded")]);
        ChartRepositoryTests.Ready(release).Str("reason").ShouldBe("UpgradeSucceeded");
    }

    [Fact]
    public async Task ResetAt_with_requestedAt_clears_the_failure_counts()
    {
        await using var cluster = new ControllersFixture();
        await cluster.AddChartRepositoryAsync(Url, "web", ["1.2.0"]);
        await cluster.PublishAsync("registry.local/web:1.0");
        cluster.Create(s_release, HelmReleaseControllerTests.HelmRelease(tag: "1.0"));
        await ChartRepositoryTests.WaitForReady(cluster, s_release, "web", "True", "InstallSucceeded");
        SetTag(cluster, "missing", timeout: "300ms");
        JsonObject failed = await ChartRepositoryTests.WaitForReady(cluster, s_release, "web", "False", "UpgradeFailed");
        failed.Long("status", "upgradeFailures").ShouldBe(1);

        Annotate(cluster, ("reconcile.fluxcd.io/resetAt", "r1"), ("reconcile.fluxcd.io/requestedAt", "r1"));

        JsonObject release = await Eventually.Until(() => cluster.Get(s_release, "flux-system", "web")!, r => r.Str("status", "lastHandledResetAt") == "r1", "the reset handled");
        release.At("status", "upgradeFailures").ShouldBeNull();
        release.At("status", "failures").ShouldBeNull();
    }

    private static string WithDependency(string json, string dependency)
    {
        JsonObject obj = JsonNode.Parse(json)!.AsObject();
        obj["spec"]!["dependsOn"] = new JsonArray(new JsonObject { ["name"] = dependency });
        return obj.ToJsonString();
    }

    private static void SetTag(ControllersFixture cluster, string tag, string? timeout = null)
        => cluster.Edit(s_release, "flux-system", "web", r =>
        {
            r["spec"]!["values"]!["image"]!["tag"] = tag;
            r["spec"]!["timeout"] = timeout ?? "5m";
        });

    private static void Annotate(ControllersFixture cluster, params (string Key, string Value)[] annotations)
        => cluster.Edit(s_release, "flux-system", "web", r =>
        {
            JsonObject metadata = r["metadata"]!.AsObject();
            JsonObject values = metadata.Ensure("annotations");
            foreach ((string key, string value) in annotations)
            {
                values[key] = value;
            }
        });

    private static List<JsonObject> History(JsonObject release) => (release.Arr("status", "history") ?? []).OfType<JsonObject>().ToList();
}
