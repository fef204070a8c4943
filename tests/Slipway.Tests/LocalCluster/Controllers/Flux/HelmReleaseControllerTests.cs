using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Store;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Controllers.Flux;

public sealed class HelmReleaseControllerTests
{
    private static readonly ResourceType s_helmRelease = KnownResourceTypes.HelmRelease;
    private static readonly ResourceType s_deployment = KnownResourceTypes.Deployment;

    /// <summary>The chart repository of the tests' "web" chart (mirrored by each test, served over HTTP by the fixture).</summary>
    internal const string ChartsUrl = "https://charts.example.com/apps";

    [Fact]
    public async Task Install_creates_the_release_deployment_and_history()
    {
        await using var cluster = new ControllersFixture();
        await cluster.AddChartRepositoryAsync(ChartsUrl, "web", ["1.2.0"]);
        await cluster.PublishAsync("registry.local/web:1.0");

        cluster.Create(s_helmRelease, HelmRelease(tag: "1.0", replicas: 2));

        JsonObject release = await WaitForReady(cluster, "True", "InstallSucceeded");
        Conditions.Find(release.Obj("status")!, "Ready")!.Str("message").ShouldBe("Helm install succeeded for release apps/web.v1 with chart web@1.2.0");
        JsonObject entry = History(release).Single();
        entry.Long("version").ShouldBe(1);
        entry.Str("status").ShouldBe("deployed");
        entry.Str("chartName").ShouldBe("web");
        entry.Str("chartVersion").ShouldBe("1.2.0");
        entry.Str("configDigest")!.ShouldStartWith("sha256:");
        release.Long("status", "observedGeneration").ShouldBe(1);
        JsonObject deployment = cluster.Get(s_deployment, "apps", "web")!;
        deployment.Long("spec", "replicas").ShouldBe(2);
        deployment.Str("metadata", "labels", "app.kubernetes.io/instance").ShouldBe("web");
        deployment.Str("metadata", "labels", "helm.toolkit.fluxcd.io/name").ShouldBe("web");
        deployment.Arr("spec", "template", "spec", "containers")![0].Str("image").ShouldBe("registry.local/web:1.0");
        cluster.Get(KnownResourceTypes.Secret, "apps", "sh.helm.release.v1.web.v1")!.Str("type").ShouldBe("helm.sh/release.v1");
    }

    [Fact]
    public async Task Chart_without_image_values_runs_its_default_image()
    {
        await using var cluster = new ControllersFixture();
        await cluster.AddChartRepositoryAsync(ChartsUrl, "web", ["1.2.0"]);

        cluster.Create(s_helmRelease, HelmRelease(tag: null));

        await WaitForReady(cluster, "True", "InstallSucceeded");
        cluster.Get(s_deployment, "apps", "web")!.Arr("spec", "template", "spec", "containers")![0].Str("image").ShouldBe("web:1.2.0");
    }

    [Fact]
    public async Task Upgrade_supersedes_the_previous_release()
    {
        await using var cluster = new ControllersFixture();
        await cluster.AddChartRepositoryAsync(ChartsUrl, "web", ["1.2.0"]);
        await cluster.PublishAsync("registry.local/web:1.0");
        await cluster.PublishAsync("registry.local/web:2.0");
        cluster.Create(s_helmRelease, HelmRelease(tag: "1.0"));
        await WaitForReady(cluster, "True", "InstallSucceeded");

        SetTag(cluster, "2.0");

        JsonObject release = await WaitForReady(cluster, "True", "UpgradeSucceeded");
        History(release).Select(h => (h.Long("version"), h.Str("status"))).ShouldBe([(2L, "deployed"), (1L, "superseded")]);
        release.Long("status", "observedGeneration").ShouldBe(release.Long("metadata", "generation"));
        cluster.Get(s_deployment, "apps", "web")!.Arr("spec", "template", "spec", "containers")![0].Str("image").ShouldBe("registry.local/web:2.0");
    }

    [Fact]
    public async Task Failed_upgrade_with_rollback_remediation_returns_to_the_previous_release()
    {
        await using var cluster = new ControllersFixture();
        await cluster.AddChartRepositoryAsync(ChartsUrl, "web", ["1.2.0"]);
        await cluster.PublishAsync("registry.local/web:1.0");
        cluster.Create(s_helmRelease, HelmRelease(tag: "1.0", retries: 1));
        await WaitForReady(cluster, "True", "InstallSucceeded");

        SetTag(cluster, "missing", timeout: "500ms");

        JsonObject release = await WaitForReady(cluster, "False", "RollbackSucceeded");
        History(release).Select(h => (h.Long("version"), h.Str("status"))).ShouldBe([(3L, "deployed"), (2L, "failed"), (1L, "superseded")]);
        Conditions.Find(release.Obj("status")!, "Ready")!.Str("message").ShouldBe("Helm rollback to previous release apps/web.v1 with chart web@1.2.0 succeeded");
        release.Long("status", "upgradeFailures").ShouldBe(1);
        await Eventually.Until(
            () => cluster.Get(s_deployment, "apps", "web")!,
            d => d.Arr("spec", "template", "spec", "containers")![0].Str("image") == "registry.local/web:1.0" && d.Long("status", "availableReplicas") == 1,
            "the rolled back deployment");
    }

    [Fact]
    public async Task Failed_upgrade_without_remediation_stays_failed()
    {
        await using var cluster = new ControllersFixture();
        await cluster.AddChartRepositoryAsync(ChartsUrl, "web", ["1.2.0"]);
        await cluster.PublishAsync("registry.local/web:1.0");
        cluster.Create(s_helmRelease, HelmRelease(tag: "1.0"));
        await WaitForReady(cluster, "True", "InstallSucceeded");

        SetTag(cluster, "missing", timeout: "500ms");

        JsonObject release = await WaitForReady(cluster, "False", "UpgradeFailed");
        Conditions.Find(release.Obj("status")!, "Ready")!.Str("message")!.ShouldStartWith("Helm upgrade failed for release apps/web with chart web@1.2.0: context deadline exceeded");
        History(release).Select(h => (h.Long("version"), h.Str("status"))).ShouldBe([(2L, "failed"), (1L, "deployed")]);
        JsonObject failed = cluster.Store.List(KnownResourceTypes.Event, "flux-system").Single(e => e.Str("reason") == "UpgradeFailed");
        failed.Str("type").ShouldBe("Warning");
        failed.Str("involvedObject", "kind").ShouldBe("HelmRelease");
        failed.Str("source", "component").ShouldBe("helm-controller");
        failed.Str("message")!.ShouldStartWith("Helm upgrade failed for release apps/web");
    }

    [Fact]
    public async Task History_is_trimmed_to_maxHistory_with_helm_storage()
    {
        await using var cluster = new ControllersFixture();
        await cluster.AddChartRepositoryAsync(ChartsUrl, "web", ["1.2.0"]);
        foreach (string tag in new[] { "1", "2", "3", "4" })
        {
            await cluster.PublishAsync($"registry.local/web:{tag}");
        }

        cluster.Create(s_helmRelease, HelmRelease(tag: "1", maxHistory: 2));
        await WaitForReady(cluster, "True", "InstallSucceeded");

        foreach (string tag in new[] { "2", "3", "4" })
        {
            SetTag(cluster, tag);
            await Eventually.Until(() => cluster.Get(s_helmRelease, "flux-system", "web")!, r => History(r).FirstOrDefault()?.Str("appVersion") == tag && History(r)[0].Str("status") == "deployed", $"release of {tag}");
        }

        JsonObject release = cluster.Get(s_helmRelease, "flux-system", "web")!;
        History(release).Select(h => h.Long("version")).ShouldBe([4L, 3L]);
        cluster.Store.List(KnownResourceTypes.Secret, "apps").Select(s => s.Str("metadata", "name")).ShouldBe(["sh.helm.release.v1.web.v3", "sh.helm.release.v1.web.v4"], ignoreOrder: true);
    }

    [Fact]
    public async Task Suspended_release_is_left_alone_until_resumed()
    {
        await using var cluster = new ControllersFixture();
        await cluster.AddChartRepositoryAsync(ChartsUrl, "web", ["1.2.0"]);
        await cluster.PublishAsync("registry.local/web:1.0");
        await cluster.PublishAsync("registry.local/web:2.0");
        cluster.Create(s_helmRelease, HelmRelease(tag: "1.0"));
        await WaitForReady(cluster, "True", "InstallSucceeded");
        cluster.Edit(s_helmRelease, "flux-system", "web", r => r["spec"]!["suspend"] = true);

        SetTag(cluster, "2.0");
        cluster.Create(s_helmRelease, HelmRelease(tag: "1.0", name: "witness"));
        await WaitForReady(cluster, "True", "InstallSucceeded", "witness");

        History(cluster.Get(s_helmRelease, "flux-system", "web")!).Count.ShouldBe(1);
        cluster.Edit(s_helmRelease, "flux-system", "web", r => r["spec"]!["suspend"] = false);
        await WaitForReady(cluster, "True", "UpgradeSucceeded");
    }

    [Fact]
    public async Task RequestedAt_is_handled_without_a_new_release_when_nothing_changed()
    {
        await using var cluster = new ControllersFixture();
        await cluster.AddChartRepositoryAsync(ChartsUrl, "web", ["1.2.0"]);
        await cluster.PublishAsync("registry.local/web:1.0");
        cluster.Create(s_helmRelease, HelmRelease(tag: "1.0"));
        await WaitForReady(cluster, "True", "InstallSucceeded");

        KustomizationControllerTests.RequestReconcile(cluster, s_helmRelease, "web", "now-1");

        JsonObject release = await Eventually.Until(() => cluster.Get(s_helmRelease, "flux-system", "web")!, r => r.Str("status", "lastHandledReconcileAt") == "now-1", "requestedAt handled");
        History(release).Count.ShouldBe(1);
    }

    internal static string HelmRelease(string? tag, string name = "web", int? retries = null, int? maxHistory = null, int replicas = 1)
    {
        var spec = new JsonObject
        {
            ["interval"] = "5m",
            ["targetNamespace"] = "apps",
            ["releaseName"] = name,
            ["chart"] = new JsonObject { ["spec"] = new JsonObject { ["chart"] = "web", ["version"] = "1.2.0", ["sourceRef"] = new JsonObject { ["kind"] = "HelmRepository", ["name"] = "charts" } } },
            ["values"] = tag is null ? new JsonObject { ["replicaCount"] = replicas } : new JsonObject { ["image"] = new JsonObject { ["repository"] = "registry.local/web", ["tag"] = tag }, ["replicaCount"] = replicas },
        };
        if (retries is int count)
        {
            spec["upgrade"] = new JsonObject { ["remediation"] = new JsonObject { ["retries"] = count, ["strategy"] = "rollback" } };
        }

        if (maxHistory is int max)
        {
            spec["maxHistory"] = max;
        }

        return new JsonObject
        {
            ["apiVersion"] = "helm.toolkit.fluxcd.io/v2",
            ["kind"] = "HelmRelease",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "flux-system" },
            ["spec"] = spec,
        }.ToJsonString();
    }

    private static void SetTag(ControllersFixture cluster, string tag, string? timeout = null)
        => cluster.Edit(s_helmRelease, "flux-system", "web", r =>
        {
            r["spec"]!["values"]!["image"]!["tag"] = tag;
            if (timeout is not null)
            {
                r["spec"]!["timeout"] = timeout;
            }
        });

    private static List<JsonObject> History(JsonObject release) => (release.Arr("status", "history") ?? []).OfType<JsonObject>().ToList();

    private static Task<JsonObject> WaitForReady(ControllersFixture cluster, string status, string reason, string name = "web")
        => Eventually.Until(
            () => cluster.Get(s_helmRelease, "flux-system", name)!,
            r => Conditions.Find(r.Obj("status") ?? [], "Ready") is JsonObject ready && ready.Str("status") == status && ready.Str("reason") == reason,
            $"Ready={status} {reason}");
}
