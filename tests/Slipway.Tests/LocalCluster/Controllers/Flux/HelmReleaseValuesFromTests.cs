using System.Text;
using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Store;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Controllers.Flux;

/// <summary><c>spec.valuesFrom</c> as helm-controller reads it: merge order, a missing Secret, optional, targetPath.</summary>
public sealed class HelmReleaseValuesFromTests
{
    private static readonly ResourceType s_helmRelease = KnownResourceTypes.HelmRelease;
    private static readonly ResourceType s_deployment = KnownResourceTypes.Deployment;

    [Fact]
    public async Task A_missing_Secret_fails_the_release_with_helm_controllers_message_until_the_Secret_is_created()
    {
        await using var cluster = new ControllersFixture();
        await cluster.AddChartRepositoryAsync(HelmReleaseControllerTests.ChartsUrl, "web", ["1.2.0"]);
        await cluster.PublishAsync("registry.local/web:1.0");

        cluster.Create(s_helmRelease, WithValuesFrom(new JsonObject { ["kind"] = "Secret", ["name"] = "web-values" }));

        JsonObject failed = await WaitForReady(cluster, "False", "ValuesError");
        Conditions.Find(failed.Obj("status")!, "Ready")!.Str("message")
            .ShouldBe("could not resolve Secret chart values reference 'flux-system/web-values' with key 'values.yaml': resource not found");
        cluster.Get(s_deployment, "apps", "web").ShouldBeNull();

        cluster.Create(KnownResourceTypes.Secret, Secret("web-values", """{"image":{"tag":"1.0"},"replicaCount":3}"""));

        await WaitForReady(cluster, "True", "InstallSucceeded");
        JsonObject deployment = cluster.Get(s_deployment, "apps", "web")!;
        deployment.Arr("spec", "template", "spec", "containers")![0].Str("image").ShouldBe("registry.local/web:1.0");
        deployment.Long("spec", "replicas").ShouldBe(2, "spec.values is merged over valuesFrom");
    }

    [Fact]
    public async Task An_optional_reference_that_is_missing_is_skipped()
    {
        await using var cluster = new ControllersFixture();
        await cluster.AddChartRepositoryAsync(HelmReleaseControllerTests.ChartsUrl, "web", ["1.2.0"]);
        await cluster.PublishAsync("registry.local/web:1.2.0");

        cluster.Create(s_helmRelease, WithValuesFrom(new JsonObject { ["kind"] = "Secret", ["name"] = "nope", ["optional"] = true }));

        await WaitForReady(cluster, "True", "InstallSucceeded");
        cluster.Get(s_deployment, "apps", "web")!.Arr("spec", "template", "spec", "containers")![0].Str("image").ShouldBe("registry.local/web:1.2.0");
    }

    [Fact]
    public async Task A_targetPath_sets_one_value_from_a_ConfigMap_key_and_later_references_win()
    {
        await using var cluster = new ControllersFixture();
        await cluster.AddChartRepositoryAsync(HelmReleaseControllerTests.ChartsUrl, "web", ["1.2.0"]);
        await cluster.PublishAsync("registry.local/web:2.0");
        cluster.Create(KnownResourceTypes.ConfigMap, """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"tags","namespace":"flux-system"},"data":{"tag":"\"2.0\"","values.yaml":"image:\n  tag: \"1.0\"\n"}}""");

        cluster.Create(s_helmRelease, WithValuesFrom(
            new JsonObject { ["kind"] = "ConfigMap", ["name"] = "tags" },
            new JsonObject { ["kind"] = "ConfigMap", ["name"] = "tags", ["valuesKey"] = "tag", ["targetPath"] = "image.tag" }));

        await WaitForReady(cluster, "True", "InstallSucceeded");
        cluster.Get(s_deployment, "apps", "web")!.Arr("spec", "template", "spec", "containers")![0].Str("image").ShouldBe("registry.local/web:2.0");
    }

    [Fact]
    public async Task A_change_of_a_watched_Secret_upgrades_the_release()
    {
        await using var cluster = new ControllersFixture();
        await cluster.AddChartRepositoryAsync(HelmReleaseControllerTests.ChartsUrl, "web", ["1.2.0"]);
        await cluster.PublishAsync("registry.local/web:1.0");
        await cluster.PublishAsync("registry.local/web:2.0");
        cluster.Create(KnownResourceTypes.Secret, Secret("web-values", """{"image":{"tag":"1.0"}}"""));
        cluster.Create(s_helmRelease, WithValuesFrom(new JsonObject { ["kind"] = "Secret", ["name"] = "web-values" }));
        await WaitForReady(cluster, "True", "InstallSucceeded");

        cluster.Edit(KnownResourceTypes.Secret, "flux-system", "web-values", s => s["data"]!["values.yaml"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"image":{"tag":"2.0"}}""")));

        await WaitForReady(cluster, "True", "UpgradeSucceeded");
        cluster.Get(s_deployment, "apps", "web")!.Arr("spec", "template", "spec", "containers")![0].Str("image").ShouldBe("registry.local/web:2.0");
    }

    private static string WithValuesFrom(params JsonObject[] references)
    {
        JsonObject release = JsonNode.Parse(HelmReleaseControllerTests.HelmRelease(tag: null, replicas: 2))!.AsObject();
        release["spec"]!["values"] = new JsonObject { ["image"] = new JsonObject { ["repository"] = "registry.local/web" }, ["replicaCount"] = 2 };
        release["spec"]!["valuesFrom"] = new JsonArray(references);
        return release.ToJsonString();
    }

    private static string Secret(string name, string values) => new JsonObject
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Secret",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "flux-system", ["labels"] = new JsonObject { ["reconcile.fluxcd.io/watch"] = "Enabled" } },
        ["data"] = new JsonObject { ["values.yaml"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(values)) },
    }.ToJsonString();

    private static Task<JsonObject> WaitForReady(ControllersFixture cluster, string status, string reason)
        => Eventually.Until(
            () => cluster.Get(s_helmRelease, "flux-system", "web")!,
            r => Conditions.Find(r.Obj("status") ?? [], "Ready") is JsonObject ready && ready.Str("status") == status && ready.Str("reason") == reason,
            $"Ready={status} {reason}");
}
