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
/// Issue 12 with <c>gitops.engine: argocd</c>: Verify --env X looks only at X's own Applications (those its GitOps folder
/// and root applications define) and the Deployments they synced, and reports live only when they run the image and chart
/// version the pushed commit names — not when a foreign Application or Deployment is broken, and not when an Application
/// was moved to another tag or chart version than the commit's.
/// </summary>
public sealed class ArgoScopedVerifyTests : IClassFixture<RollbackClusterFixture>
{
    private const string Environment = "argoscoped";
    private readonly RollbackClusterFixture _fixture;

    public ArgoScopedVerifyTests(RollbackClusterFixture fixture)
    {
        _fixture = fixture;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private KubernetesCluster Cluster => _fixture.ClusterFor(Environment);

    [Fact]
    public async Task Verify_ignores_foreign_objects_and_fails_when_an_application_runs_another_tag_or_chart_version_than_the_commit()
    {
        await _fixture.AddEnvironmentAsync(Environment, "r-2", "gitops:\n  engine: argocd\nrollback:\n  auto: false\n");
        await using (EnvironmentDelivery deploy = await _fixture.OpenAsync(Environment, new RecordingLog(), Variables()))
        {
            await deploy.DeployPlatformAsync(Ct);
            await deploy.SyncAppsAsync(null, null, Ct);
        }

        VerificationReport first = await VerifyAsync(); // Argo CD has synced the Applications the root created
        first.IsReady.ShouldBeTrue(first.Summary());

        // A Deployment that will never run in the app's namespace, and an Application whose source cannot be read: not the
        // environment's, so not Verify's business (before scoping, the Application alone failed Verify with ComparisonError).
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = Cluster.Target.Url!.ToString() });
        await EnsureNamespaceAsync(client, $"{Environment}-web"); // the local Argo CD controller syncs into it without creating it
        await client.AppsV1.CreateNamespacedDeploymentAsync(Foreign(), $"{Environment}-web", cancellationToken: Ct);
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(ForeignApplication(), "argoproj.io", "v1alpha1", ArgoSync.Namespace, "applications", cancellationToken: Ct);
        VerificationReport live = await VerifyAsync();

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
            await Cluster.MergePatchCustomObjectAsync(CustomResource.Application, ArgoSync.Namespace, root, Spec(new JsonObject { ["syncPolicy"] = null }), Ct);
        }

        await Cluster.MergePatchCustomObjectAsync(CustomResource.Application, ArgoSync.Namespace, "web", Spec(new JsonObject { ["source"] = new JsonObject { ["helm"] = new JsonObject { ["parameters"] = WebParameters("r-3") } } }), Ct);
        await Cluster.MergePatchCustomObjectAsync(CustomResource.Application, ArgoSync.Namespace, "ingress-nginx", Spec(new JsonObject { ["source"] = new JsonObject { ["targetRevision"] = "4.11.2" } }), Ct);
        SlipwayException failed = await Should.ThrowAsync<SlipwayException>(VerifyAsync);

        failed.Kind.ShouldBe(FailureKind.Failed);
        failed.Message.ShouldContain($"Deployment {Environment}-web/web version");
        failed.Message.ShouldContain($"image: expected registry.local/web:r-2, running registry.local/web:r-3 (the pushed commit names it in clusters/{Environment}/apps/web/application.yaml at ");
        failed.Message.ShouldContain("Deployment ingress-nginx/ingress-nginx version");
        failed.Message.ShouldContain($"chart version: expected 4.11.3, running 4.11.2 (the pushed commit names it in clusters/{Environment}/platform/ingress-nginx.yaml at ");
        failed.Message.ShouldNotContain("foreign");
    }

    private async Task<VerificationReport> VerifyAsync()
    {
        using var http = new HttpClient();
        await using EnvironmentDelivery delivery = await _fixture.OpenAsync(Environment, new RecordingLog(), Variables());
        return await delivery.VerifyAsync(new LogVerificationProgress(NullLog.Instance, TimeSpan.FromSeconds(5)), http, Ct);
    }

    private static async Task EnsureNamespaceAsync(Kubernetes client, string name)
    {
        if ((await client.CoreV1.ListNamespaceAsync(cancellationToken: Ct)).Items.All(n => n.Name() != name))
        {
            await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } }, cancellationToken: Ct);
        }
    }

    private static JsonObject Spec(JsonObject spec) => new() { ["spec"] = spec };

    private static JsonArray WebParameters(string tag) =>
    [
        new JsonObject { ["name"] = "image.repository", ["value"] = "registry.local/web" },
        new JsonObject { ["name"] = "image.tag", ["value"] = tag },
        new JsonObject { ["name"] = "replicaCount", ["value"] = "1" },
    ];

    private static V1Deployment Foreign() => new()
    {
        Metadata = new V1ObjectMeta { Name = "foreign", NamespaceProperty = $"{Environment}-web" },
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

    private static JsonObject ForeignApplication() => new()
    {
        ["apiVersion"] = "argoproj.io/v1alpha1",
        ["kind"] = "Application",
        ["metadata"] = new JsonObject { ["name"] = "foreign", ["namespace"] = ArgoSync.Namespace },
        ["spec"] = new JsonObject
        {
            ["project"] = "default",
            ["source"] = new JsonObject { ["repoURL"] = "file:///nonexistent/repository.git", ["targetRevision"] = "main", ["path"] = "foreign" },
            ["destination"] = new JsonObject { ["server"] = "https://kubernetes.default.svc", ["namespace"] = $"{Environment}-web" },
            ["syncPolicy"] = new JsonObject { ["automated"] = new JsonObject { ["prune"] = true } },
        },
    };

    private static Dictionary<string, string> Variables() => new() { [EnvironmentDelivery.FailFastVariable] = "3s" };
}
