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
/// Issue 12: Verify --env X looks only at X's own HelmReleases and the workloads they installed, and reports live only when
/// they run the image the pushed commit names — not when something else in the namespace is broken, and not when another
/// writer moved X's HelmRelease to another tag.
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
        await client.AppsV1.CreateNamespacedDeploymentAsync(Foreign(), "scoped-web", cancellationToken: Ct);
        VerificationReport live = await VerifyAsync();
        live.IsReady.ShouldBeTrue(live.Summary());
        live.Checks.ShouldNotContain(c => c.Subject.Contains("foreign", StringComparison.Ordinal));

        // Another writer moves the HelmRelease to r-3 (as a second environment sharing web/web did): the commit still says r-2.
        var patch = new JsonObject { ["spec"] = new JsonObject { ["values"] = new JsonObject { ["image"] = new JsonObject { ["tag"] = "r-3" } } } };
        await _fixture.ClusterFor("scoped").MergePatchCustomObjectAsync(CustomResource.HelmRelease, "scoped-web", "web", patch, Ct);
        SlipwayException failed = await Should.ThrowAsync<SlipwayException>(VerifyAsync);

        failed.Kind.ShouldBe(FailureKind.Failed);
        failed.Message.ShouldContain("Deployment scoped-web/web version");
        failed.Message.ShouldContain("image: expected registry.local/web:r-2, running registry.local/web:r-3 (the pushed commit names it in clusters/scoped/apps/web/helm-release.yaml at ");
    }

    private async Task<VerificationReport> VerifyAsync()
    {
        using var http = new HttpClient();
        await using EnvironmentDelivery delivery = await _fixture.OpenAsync("scoped", new RecordingLog(), Variables());
        return await delivery.VerifyAsync(new LogVerificationProgress(NullLog.Instance, TimeSpan.FromSeconds(5)), http, Ct);
    }

    private static V1Deployment Foreign() => new()
    {
        Metadata = new V1ObjectMeta { Name = "foreign", NamespaceProperty = "scoped-web" },
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

    private static Dictionary<string, string> Variables() => new() { [EnvironmentDelivery.FailFastVariable] = "3s" };
}
