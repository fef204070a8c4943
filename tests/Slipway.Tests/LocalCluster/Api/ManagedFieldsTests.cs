using System.Text.Json;
using k8s;
using k8s.Models;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Api;

/// <summary><c>metadata.managedFields</c> through KubernetesClient: who owns which field after creates, updates and applies.</summary>
public sealed class ManagedFieldsTests(SharedCluster shared) : IClassFixture<SharedCluster>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_create_records_an_update_by_its_field_manager_in_fields_v1_notation()
    {
        var deployment = new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "owned", Labels = new Dictionary<string, string> { ["app"] = "owned" } },
            Spec = new V1DeploymentSpec
            {
                Replicas = 2,
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "owned" } },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "owned" } },
                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "web:1", Ports = [new V1ContainerPort { ContainerPort = 80, Protocol = "TCP" }] }] },
                },
            },
        };

        V1Deployment created = await shared.Client.AppsV1.CreateNamespacedDeploymentAsync(deployment, "default", fieldManager: "creator", cancellationToken: Ct);

        V1ManagedFieldsEntry entry = created.Metadata.ManagedFields.Single(m => m.Manager == "creator");
        entry.Operation.ShouldBe("Update");
        entry.FieldsType.ShouldBe("FieldsV1");
        entry.ApiVersion.ShouldBe("apps/v1");
        using JsonDocument fields = JsonDocument.Parse(JsonSerializer.Serialize(entry.FieldsV1));
        JsonElement spec = fields.RootElement.GetProperty("f:spec");
        spec.GetProperty("f:replicas").EnumerateObject().ShouldBeEmpty();
        JsonElement container = spec.GetProperty("f:template").GetProperty("f:spec").GetProperty("f:containers").GetProperty("k:{\"name\":\"web\"}");
        container.TryGetProperty(".", out _).ShouldBeTrue();
        container.GetProperty("f:ports").TryGetProperty("k:{\"containerPort\":80,\"protocol\":\"TCP\"}", out _).ShouldBeTrue();
        fields.RootElement.GetProperty("f:metadata").GetProperty("f:labels").TryGetProperty("f:app", out _).ShouldBeTrue();
        fields.RootElement.GetProperty("f:metadata").TryGetProperty("f:name", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task A_field_an_applier_stops_applying_is_removed_unless_another_manager_owns_it()
    {
        await ApplyAsync("applier", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dropped"},"data":{"a":"1","b":"2","c":"3"}}""");
        V1ConfigMap current = await shared.Client.CoreV1.ReadNamespacedConfigMapAsync("dropped", "default", cancellationToken: Ct);
        current.Data["c"] = "33";
        await shared.Client.CoreV1.ReplaceNamespacedConfigMapAsync(current, "dropped", "default", fieldManager: "editor", cancellationToken: Ct);

        V1ConfigMap applied = await ApplyAsync("applier", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dropped"},"data":{"a":"1"}}""");

        applied.Data.ShouldBe(new Dictionary<string, string> { ["a"] = "1", ["c"] = "33" });
        applied.Metadata.ManagedFields.Select(m => (m.Manager, m.Operation)).ShouldBe([("applier", "Apply"), ("editor", "Update")], ignoreOrder: true);
    }

    [Fact]
    public async Task A_conflict_names_the_update_manager_and_field_and_force_moves_ownership()
    {
        await shared.Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "contested" }, Data = new Dictionary<string, string> { ["x"] = "1" } }, "default", fieldManager: "writer", cancellationToken: Ct);

        k8s.Autorest.HttpOperationException conflict = await Should.ThrowAsync<k8s.Autorest.HttpOperationException>(
            () => ApplyAsync("applier", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"contested"},"data":{"x":"2"}}"""));
        conflict.Response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Conflict);
        using JsonDocument status = JsonDocument.Parse(conflict.Response.Content);
        status.RootElement.GetProperty("message").GetString().ShouldStartWith("Apply failed with 1 conflict: conflict with \"writer\" using v1 at ");
        status.RootElement.GetProperty("message").GetString().ShouldEndWith(": .data.x");
        JsonElement cause = status.RootElement.GetProperty("details").GetProperty("causes").EnumerateArray().Single();
        (cause.GetProperty("type").GetString(), cause.GetProperty("field").GetString()).ShouldBe(("FieldManagerConflict", ".data.x"));

        V1ConfigMap forced = await ApplyAsync("applier", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"contested"},"data":{"x":"2"}}""", force: true);
        forced.Data["x"].ShouldBe("2");
        forced.Metadata.ManagedFields.Select(m => m.Manager).ShouldBe(["applier"]);
    }

    private Task<V1ConfigMap> ApplyAsync(string manager, string json, bool force = false)
        => shared.Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(json, V1Patch.PatchType.ApplyPatch), JsonDocument.Parse(json).RootElement.GetProperty("metadata").GetProperty("name").GetString(), "default", fieldManager: manager, force: force ? true : null, cancellationToken: Ct);
}
