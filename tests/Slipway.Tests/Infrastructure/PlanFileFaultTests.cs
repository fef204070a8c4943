using System.Text.Json.Nodes;
using Slipway.Infrastructure;

namespace Slipway.Tests.Infrastructure;

/// <summary>Saved plans damaged on disk (real terraform): the cause named as terraform gives it, not as a JSON parser's byte 0.</summary>
[Collection(TerraformCollection.Name)]
public sealed class PlanFileFaultTests
{
    private readonly StackCopy _stack;

    public PlanFileFaultTests(StackCopy stack)
    {
        _stack = stack;
    }

    [Fact]
    public async Task An_empty_plan_file_as_a_full_disk_leaves_it_is_reported_with_terraforms_error_not_as_invalid_json()
    {
        InfraPlanResult plan = await _stack.PlanAsync("truncated");
        await File.WriteAllBytesAsync(plan.PlanFile, [], TestContext.Current.CancellationToken);
        JsonNode metadata = JsonNode.Parse(await File.ReadAllTextAsync(plan.MetadataFile, TestContext.Current.CancellationToken))!;
        metadata["planSha256"] = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"; // the SHA-256 of nothing: the review "matches"
        await File.WriteAllTextAsync(plan.MetadataFile, metadata.ToJsonString(), TestContext.Current.CancellationToken);

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => _stack.ApplyAsync("truncated"));

        error.Message.ShouldContain("terraform show failed");
        error.Message.ShouldNotContain("not valid at byte");
    }

    [Fact]
    public async Task A_stack_file_edited_after_planning_refuses_the_apply_naming_the_file()
    {
        await _stack.PlanAsync("edited");
        await File.AppendAllTextAsync(Path.Combine(_stack.Stack, "variables.tf"), "\n# edited, not committed\n", TestContext.Current.CancellationToken);
        try
        {
            SlipwayException refused = await Should.ThrowAsync<SlipwayException>(() => _stack.ApplyAsync("edited"));

            refused.Kind.ShouldBe(FailureKind.Refused);
            refused.Message.ShouldContain("The stack changed since PlanInfra: infra/platform/variables.tf (changed)");
            refused.Message.ShouldContain("PlanInfra --env edited");
        }
        finally
        {
            _stack.Git("checkout", "--", "infra/platform/variables.tf");
        }
    }
}
