using System.Text.Json.Nodes;
using Slipway.LocalCluster.Store;
using Slipway.LocalCluster.Store.ManagedFields;
using Slipway.LocalCluster.Store.Schema;

namespace Slipway.Tests.LocalCluster.Store.ManagedFields;

public sealed class FieldOwnershipTests
{
    private static readonly OpenApiSchemaNode s_deployment = BuiltInSchemas.For(KnownResourceTypes.Deployment);
    private const string Time = "2026-01-02T03:04:05Z";

    [Fact]
    public void Fields_v1_marks_keyed_list_elements_with_a_dot_and_leaves_as_empty_objects()
    {
        var obj = JsonNode.Parse("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},
             "spec":{"replicas":1,"template":{"spec":{"containers":[{"name":"web","ports":[{"containerPort":80}],"args":["a"]}]}}}}
            """)!.AsObject();

        JsonObject fields = ManagedFieldsEntry.FieldsV1(FieldSet.Of(obj, s_deployment, status: false).Keys);

        fields.ToJsonString().ShouldBe(
            """{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:replicas":{},"f:template":{"f:spec":{"f:containers":{"k:{\u0022name\u0022:\u0022web\u0022}":{".":{},"f:args":{},"f:name":{},"f:ports":{"k:{\u0022containerPort\u0022:80}":{".":{},"f:containerPort":{}}}}}}}}}""");
    }

    [Fact]
    public void Fields_v1_reads_back_to_the_same_set()
    {
        var obj = JsonNode.Parse("""{"metadata":{"name":"a","finalizers":["x"]},"spec":{"template":{"spec":{"containers":[{"name":"web","image":"i"}]}}}}""")!.AsObject();
        HashSet<string> fields = [.. FieldSet.Of(obj, s_deployment, status: false).Keys];
        var written = new JsonObject { ["metadata"] = new JsonObject() };
        ManagedFieldsEntry.Write(written, [new ManagedFieldsEntry { Manager = "m", Operation = "Update", ApiVersion = "apps/v1", Time = Time, Fields = fields }]);

        ManagedFieldsEntry.Read(written).Single().Fields.ShouldBe(fields, ignoreOrder: true);
    }

    [Fact]
    public void An_apply_removes_a_container_it_no_longer_applies_and_keeps_one_another_manager_owns()
    {
        var created = JsonNode.Parse("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"template":{"spec":{"containers":[{"name":"a","image":"1"},{"name":"b","image":"1"}]}}}}""")!.AsObject();
        FieldOwnership.RecordCreateByApply(created, "applier", status: false, s_deployment, Time);
        var edited = (JsonObject)created.DeepClone();
        edited["spec"]!["template"]!["spec"]!["containers"]![1]!["image"] = "2";
        FieldOwnership.RecordUpdate(created, edited, "editor", status: false, s_deployment, Time);

        JsonObject result = FieldOwnership.Apply(edited, JsonNode.Parse("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"template":{"spec":{"containers":[]}}}}""")!.AsObject(), new FieldApply("applier", Force: false, Status: false, s_deployment, Time));

        result["spec"]!["template"]!["spec"]!["containers"]!.ToJsonString().ShouldBe("""[{"name":"b","image":"2"}]""");
    }

    [Fact]
    public void A_conflict_lists_each_manager_and_its_fields()
    {
        var current = JsonNode.Parse("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"x":"1"}},"spec":{"replicas":1}}""")!.AsObject();
        FieldOwnership.RecordCreateByApply(current, "first", status: false, s_deployment, Time);

        StoreException error = Should.Throw<StoreException>(() => FieldOwnership.Apply(
            current, JsonNode.Parse("""{"metadata":{"name":"web","labels":{"x":"2"}},"spec":{"replicas":3}}""")!.AsObject(), new FieldApply("second", Force: false, Status: false, s_deployment, Time)));

        error.Code.ShouldBe(409);
        error.Message.ShouldBe("Apply failed with 2 conflicts: conflicts with \"first\":\n- .metadata.labels.x\n- .spec.replicas");
        error.Causes.Select(c => c.Field).ShouldBe([".metadata.labels.x", ".spec.replicas"], ignoreOrder: true);
    }

    [Fact]
    public void Applying_the_same_value_shares_ownership_without_conflict()
    {
        var current = JsonNode.Parse("""{"apiVersion":"v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":2}}""")!.AsObject();
        FieldOwnership.RecordCreateByApply(current, "first", status: false, s_deployment, Time);

        JsonObject result = FieldOwnership.Apply(current, JsonNode.Parse("""{"metadata":{"name":"web"},"spec":{"replicas":2}}""")!.AsObject(), new FieldApply("second", Force: false, Status: false, s_deployment, Time));

        ManagedFieldsEntry.Read(result).Select(e => e.Manager).ShouldBe(["first", "second"]);
    }
}
