using System.Text;
using Slipway.Infrastructure;

namespace Slipway.Tests.Infrastructure;

public sealed class PlanClassifierTests
{
    private const string Plan = """
        {
          "format_version": "1.2",
          "variables": { "region": { "value": "westeurope" } },
          "planned_values": { "root_module": { "resources": [ { "address": "decoy.planned", "values": { "actions": ["delete"] } } ] } },
          "resource_drift": [
            { "address": "terraform_data.dns", "change": { "actions": ["update"], "before": { "address": "x" } } }
          ],
          "resource_changes": [
            { "address": "a.create", "change": { "actions": ["create"], "before": null, "after": { "change": { "actions": ["delete"] } } } },
            { "address": "a.update", "change": { "before": { "actions": ["delete"] }, "actions": ["update"] } },
            { "address": "a.replace1", "action_reason": "replace_because_cannot_update", "change": { "actions": ["delete", "create"] } },
            { "address": "a.replace2", "change": { "actions": ["create", "delete"] }, "action_reason": "replace_by_request" },
            { "address": "a.gone[\"k\u00e9y\"]", "change": { "actions": ["delete"] }, "action_reason": "delete_because_no_resource_config" },
            { "address": "data.x.read", "mode": "data", "change": { "actions": ["read"] } },
            { "address": "a.same", "change": { "actions": ["no-op"], "after": "delete" } },
            { "address": "a.forgotten", "change": { "actions": ["forget"] } }
          ],
          "output_changes": {
            "host": { "actions": ["update"], "before": "a", "after": "b" },
            "name": { "actions": ["no-op"] }
          },
          "prior_state": { "values": { "root_module": { "resources": [ { "address": "decoy.prior", "change": { "actions": ["delete"] } } ] } } },
          "applyable": true,
          "complete": true,
          "errored": false
        }
        """;

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1 << 20)]
    public async Task Classifies_every_action_whatever_the_chunk_size(int chunk)
    {
        using var stream = new TrickleStream(Encoding.UTF8.GetBytes(Plan), chunk);

        PlanClassification result = await PlanClassifier.ClassifyAsync(stream, TestContext.Current.CancellationToken);

        result.Counts.ShouldBe(new PlanCounts { Create = 1, Update = 1, Replace = 2, Delete = 1, Read = 1, NoOp = 1, Forget = 1 });
        result.Destructive.ShouldBe(
        [
            new ResourceChange("a.replace1", PlanAction.Replace, "replace_because_cannot_update"),
            new ResourceChange("a.replace2", PlanAction.Replace, "replace_by_request"),
            new ResourceChange("a.gone[\"kéy\"]", PlanAction.Delete, "delete_because_no_resource_config"),
        ]);
        result.Drift.ShouldBe([new ResourceChange("terraform_data.dns", PlanAction.Update, null)]);
        result.OutputChanges.ShouldBe(1);
        result.Errored.ShouldBeFalse();
        result.Applyable.ShouldBe(true);
        result.Risk.ShouldBe(RiskLevel.High);
    }

    [Theory]
    [InlineData("""{"resource_changes":[]}""", RiskLevel.None, false)]
    [InlineData("""{"resource_changes":[{"address":"a","change":{"actions":["no-op"]}}]}""", RiskLevel.None, false)]
    [InlineData("""{"resource_changes":[{"address":"a","change":{"actions":["create"]}}]}""", RiskLevel.Low, true)]
    [InlineData("""{"resource_changes":[{"address":"a","change":{"actions":["read"]}}]}""", RiskLevel.None, false)]
    [InlineData("""{"resource_changes":[{"address":"a","change":{"actions":["delete"]}}]}""", RiskLevel.High, true)]
    [InlineData("""{"output_changes":{"o":{"actions":["create"]}}}""", RiskLevel.None, true)]
    [InlineData("""{"resource_changes":[{"address":"a","change":{"actions":["create"]}}],"applyable":false}""", RiskLevel.Low, false)]
    public async Task Risk_and_changes(string json, RiskLevel risk, bool hasChanges)
    {
        PlanClassification result = await ClassifyAsync(json);

        result.Risk.ShouldBe(risk);
        result.HasChanges.ShouldBe(hasChanges);
    }

    [Fact]
    public async Task Errored_plan_is_flagged()
    {
        (await ClassifyAsync("""{"errored":true,"resource_changes":[]}""")).Errored.ShouldBeTrue();
    }

    [Fact]
    public async Task Long_addresses_grow_the_buffers()
    {
        string address = "module.m." + new string('a', 300_000);

        PlanClassification result = await ClassifyAsync($$$"""{"resource_changes":[{"address":"{{{address}}}","change":{"actions":["delete"]}}]}""");

        result.Destructive.Single().Address.ShouldBe(address);
    }

    [Theory]
    [InlineData("""{"resource_changes":[{"address":"a",""")]
    [InlineData("""{"resource_changes": nope}""")]
    [InlineData("")]
    public async Task Invalid_json_is_a_failure_with_a_message(string json)
    {
        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => ClassifyAsync(json));

        error.Kind.ShouldBe(FailureKind.Failed);
        error.Message.ShouldStartWith("The plan JSON from 'show -json' is not valid");
    }

    private static async Task<PlanClassification> ClassifyAsync(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return await PlanClassifier.ClassifyAsync(stream, TestContext.Current.CancellationToken);
    }
}
