using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Slipway.Cluster;
using Slipway.Delivery;
using Slipway.Tests.Rollback;
using Slipway.Tests.Support;
using Slipway.Verification;

namespace Slipway.Tests.Delivery;

/// <summary>
/// Issue 12: Verify --env X looks only at X's own HelmReleases (with Argo CD: its own Applications and root applications)
/// and the workloads they installed, and reports live only when they run the image (and exact chart version) the pushed
/// commit names — not when something else in the namespace is broken, and not when another writer moved X's HelmRelease
/// or Application to another tag or chart version.
/// </summary>
public sealed class ScopedVerifyTests : IClassFixture<RollbackClusterFixture>
{
    private readonly RollbackClusterFixture _fixture;

    public ScopedVerifyTests(RollbackClusterFixture fixture)
    {
        _fixture = fixture;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Verify_ignores_a_foreign_object_in_the_namespace_and_fails_when_the_release_runs_another_tag_than_the_commit()
    {
        await _fixture.AddEnvironmentAsync("scoped", "r-2", "rollback:\n  auto: false\n");
        var log = new RecordingLog();
        await using (EnvironmentDelivery deploy = await _fixture.OpenAsync("scoped", log, Variables()))
        {
            await deploy.DeployPlatformAsync(Ct);
            await deploy.SyncAppsAsync(null, null, Ct);
        }

        // Something else in the same namespace that will never run: not the environment's, so not Verify's business.
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = _fixture.ClusterFor("scoped").Target.Url!.ToString() });
        await client.AppsV1.CreateNamespacedDeploymentAsync(Foreign("scoped-web"), "scoped-web", cancellationToken: Ct);
        VerificationReport live = await VerifyAsync("scoped");
        live.IsReady.ShouldBeTrue(live.Summary());
        live.Checks.ShouldNotContain(c => c.Subject.Contains("foreign", StringComparison.Ordinal));

        // Another writer moves the HelmRelease to r-3 (as a second environment sharing web/web did): the commit still says r-2.
        var patch = new JsonObject { ["spec"] = new JsonObject { ["values"] = new JsonObject { ["image"] = new JsonObject { ["tag"] = "r-3" } } } };
        await _fixture.ClusterFor("scoped").MergePatchCustomObjectAsync(CustomResource.HelmRelease, "scoped-web", "web", patch, Ct);
        SlipwayException failed = await Should.ThrowAsync<SlipwayException>(() => VerifyAsync("scoped"));

        failed.Kind.ShouldBe(FailureKind.Failed);
        failed.Message.ShouldContain("Deployment scoped-web/web version");
        failed.Message.ShouldContain("image: expected registry.local/web:r-2, running registry.local/web:r-3 (the pushed commit names it in clusters/scoped/apps/web/helm-release.yaml at ");
    }

    [Fact]
    public async Task With_argocd_Verify_ignores_foreign_objects_and_fails_when_an_application_runs_another_tag_or_chart_version_than_the_commit()
    {
        const string Environment = "argoscoped";
        await _fixture.AddEnvironmentAsync(Environment, "r-2", "gitops:\n  engine: argocd\nrollback:\n  auto: false\n");
        await using (EnvironmentDelivery deploy = await _fixture.OpenAsync(Environment, new RecordingLog(), Variables()))
        {
            await deploy.DeployPlatformAsync(Ct);
            await deploy.SyncAppsAsync(null, null, Ct);
        }

        KubernetesCluster cluster = _fixture.ClusterFor(Environment);
        VerificationReport first = await VerifyAsync(Environment); // Argo CD has synced the Applications the root created
        first.IsReady.ShouldBeTrue(first.Summary());

        // A Deployment that will never run in the app's namespace, and an Application whose source cannot be read: not the
        // environment's, so not Verify's business (before scoping, the Application alone failed Verify with ComparisonError).
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = cluster.Target.Url!.ToString() });
        await client.AppsV1.CreateNamespacedDeploymentAsync(Foreign($"{Environment}-web"), $"{Environment}-web", cancellationToken: Ct);
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(ForeignApplication($"{Environment}-web"), "argoproj.io", "v1alpha1", ArgoSync.Namespace, "applications", cancellationToken: Ct);
        VerificationReport live = await VerifyAsync(Environment);

        live.IsReady.ShouldBeTrue(live.Summary());
        live.Checks.ShouldNotContain(c => c.Subject.Contains("foreign", StringComparison.Ordinal));
        live.Checks.Select(c => c.Subject).ShouldContain("Application argocd/web");
        live.Checks.Select(c => c.Subject).ShouldContain($"Application argocd/{Environment}-apps");
        live.Checks.Select(c => c.Subject).ShouldContain($"Deployment {Environment}-web/web");
        live.Checks.Select(c => c.Subject).ShouldContain("Deployment ingress-nginx/ingress-nginx");

        // Someone turns the root applications' automated sync off and moves web to r-3 and ingress-nginx to 4.11.2 in the
        // cluster: Argo CD syncs them (Synced, Healthy), but the commit still says r-2 and 4.11.3.
        foreach (string root in new[] { $"{Environment}-apps", $"{Environment}-platform" })
        {
            await cluster.MergePatchCustomObjectAsync(CustomResource.Application, ArgoSync.Namespace, root, Spec(new JsonObject { ["syncPolicy"] = null }), Ct);
        }

        await cluster.MergePatchCustomObjectAsync(CustomResource.Application, ArgoSync.Namespace, "web", Spec(new JsonObject { ["source"] = new JsonObject { ["helm"] = new JsonObject { ["parameters"] = WebParameters("r-3") } } }), Ct);
        await cluster.MergePatchCustomObjectAsync(CustomResource.Application, ArgoSync.Namespace, "ingress-nginx", Spec(new JsonObject { ["source"] = new JsonObject { ["targetRevision"] = "4.11.2" } }), Ct);
        SlipwayException failed = await Should.ThrowAsync<SlipwayException>(() => VerifyAsync(Environment));

        failed.Kind.ShouldBe(FailureKind.Failed);
        failed.Message.ShouldContain($"Deployment {Environment}-web/web version");
        failed.Message.ShouldContain($"image: expected registry.local/web:r-2, running registry.local/web:r-3 (the pushed commit names it in clusters/{Environment}/apps/web/application.yaml at ");
        failed.Message.ShouldContain("Deployment ingress-nginx/ingress-nginx version");
        failed.Message.ShouldContain($"chart version: expected 4.11.3, running 4.11.2 (the pushed commit names it in clusters/{Environment}/platform/ingress-nginx.yaml at ");
        failed.Message.ShouldNotContain("foreign");
    }

    private async Task<VerificationReport> VerifyAsync(string environment)
    {
        using var http = new HttpClient();
        await using EnvironmentDelivery delivery = await _fixture.OpenAsync(environment, new RecordingLog(), Variables());
        return await delivery.VerifyAsync(new LogVerificationProgress(NullLog.Instance, TimeSpan.FromSeconds(5)), http, Ct);
    }

    private static JsonObject Spec(JsonObject spec) => new() { ["spec"] = spec };

    private static JsonArray WebParameters(string tag) =>
    [
        new JsonObject { ["name"] = "image.repository", ["value"] = "registry.local/web" },
        new JsonObject { ["name"] = "image.tag", ["value"] = tag },
        new JsonObject { ["name"] = "replicaCount", ["value"] = "1" },
    ];

    private static V1Deployment Foreign(string @namespace) => new()
    {
        Metadata = new V1ObjectMeta { Name = "foreign", NamespaceProperty = @namespace },
        Spec = new V1DeploymentSpec
        {
            Replicas = 1,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "foreign" } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "foreign" } },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "foreign", Image = "registry.local/foreign:never-published" }] },
            },
        },
    };

    private static JsonObject ForeignApplication(string destination) => new()
    {
        ["apiVersion"] = "argoproj.io/v1alpha1",
        ["kind"] = "Application",
        ["metadata"] = new JsonObject { ["name"] = "foreign", ["namespace"] = ArgoSync.Namespace },
        ["spec"] = new JsonObject
        {
            ["project"] = "default",
            ["source"] = new JsonObject { ["repoURL"] = "file:///nonexistent/repository.git", ["targetRevision"] = "main", ["path"] = "foreign" },
            ["destination"] = new JsonObject { ["server"] = "https://kubernetes.default.svc", ["namespace"] = destination },
            ["syncPolicy"] = new JsonObject { ["automated"] = new JsonObject { ["prune"] = true } },
        },
    };

    private static Dictionary<string, string> Variables() => new() { [EnvironmentDelivery.FailFastVariable] = "3s" };
}
