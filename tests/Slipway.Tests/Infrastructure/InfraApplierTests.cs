using Slipway.Infrastructure;
using Slipway.Tests.Support;

namespace Slipway.Tests.Infrastructure;

[Collection(TerraformCollection.Name)]
public sealed class InfraApplierTests
{
    private readonly StackCopy _stack;

    public InfraApplierTests(StackCopy stack)
    {
        _stack = stack;
    }

    [Fact]
    public async Task Apply_applies_the_saved_plan_and_returns_outputs()
    {
        await _stack.PlanAsync("apply", StackCopy.Variables(zone: "apps.example.test"));

        InfraApplyResult result = await _stack.ApplyAsync("apply");

        result.Applied.ShouldBeTrue();
        result.Outputs.ShouldBe(new Dictionary<string, string>
        {
            ["cluster_name"] = "platform",
            ["ingress_host"] = "ingress.apps.example.test",
        });
        (await StackOutputs.LoadAsync(result.OutputsFile, TestContext.Current.CancellationToken)).ShouldBe(result.Outputs);
        File.Exists(Path.Combine(_stack.Stack, "terraform.tfstate.d", "apply", "terraform.tfstate")).ShouldBeTrue();
    }

    [Fact]
    public async Task Apply_of_a_plan_without_changes_applies_nothing_and_says_so()
    {
        await _stack.EnsureBaselineAsync();
        await _stack.PlanAsync("nochange", workspace: "baseline");

        InfraApplyResult result = await _stack.ApplyAsync("nochange", workspace: "baseline");

        result.Applied.ShouldBeFalse();
        result.Summary.ShouldBe("No changes: nothing was applied.");
        result.Outputs["ingress_host"].ShouldBe("ingress.example.test");
        _stack.Log.Lines.ShouldNotContain(l => l.Contains("Apply complete", StringComparison.Ordinal) && l.Contains("nochange", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Destroy_is_refused_without_the_flag_and_applied_with_it_and_the_approval()
    {
        await _stack.PlanAsync("shrink");
        await _stack.ApplyAsync("shrink");
        await _stack.PlanAsync("shrink", StackCopy.Variables(nodes: 1));

        SlipwayException refused = await Should.ThrowAsync<SlipwayException>(() => _stack.ApplyAsync("shrink"));
        var approval = new RecordingDestroyApproval(approve: true);
        InfraApplyResult result = await _stack.ApplyAsync("shrink", allowDestroy: true, approval: approval);

        refused.Kind.ShouldBe(FailureKind.Refused);
        refused.Message.ShouldContain("delete terraform_data.node[1] (delete_because_count_index)");
        refused.Message.ShouldContain("--allow-destroy");
        approval.Seen.ShouldBe([new ResourceChange("terraform_data.node[1]", PlanAction.Delete, "delete_because_count_index")]);
        result.Applied.ShouldBeTrue();
        result.Classification.Counts.Delete.ShouldBe(1);
    }

    [Fact]
    public async Task Destroy_refused_by_the_approval_applies_nothing()
    {
        await _stack.EnsureBaselineAsync();
        await _stack.PlanAsync("unapproved", StackCopy.Variables(region: "northeurope"), workspace: "baseline");

        SlipwayException refused = await Should.ThrowAsync<SlipwayException>(
            () => _stack.ApplyAsync("unapproved", workspace: "baseline", allowDestroy: true, approval: new RecordingDestroyApproval(approve: false)));

        refused.Kind.ShouldBe(FailureKind.Refused);
        refused.Message.ShouldContain("needs approval");
        (await _stack.PlanAsync("unapproved-check", workspace: "baseline")).HasChanges.ShouldBeFalse();
    }

    public enum Tamper
    {
        PlanFileChanged,
        CommitMoved,
        TooOld,
        OtherEnvironment,
    }

    [Theory]
    [InlineData(Tamper.PlanFileChanged, "is not the plan that was reviewed")]
    [InlineData(Tamper.CommitMoved, "but the repository is now at")]
    [InlineData(Tamper.TooOld, "older than infrastructure.planMaxAge (1h00m)")]
    [InlineData(Tamper.OtherEnvironment, "was made for environment")]
    public async Task Apply_refuses_a_plan_that_is_not_the_reviewed_one(Tamper tamper, string expected)
    {
        string environment = "tamper-" + tamper.ToString().ToLowerInvariant();
        var clock = TestClock.At(DateTimeOffset.UtcNow);
        _stack.Time = clock;
        try
        {
            InfraPlanResult plan = await _stack.PlanAsync(environment);
            string planFile = plan.PlanFile;
            string applyEnvironment = environment;
            switch (tamper)
            {
                case Tamper.PlanFileChanged:
                    File.AppendAllText(plan.PlanFile, "x");
                    break;
                case Tamper.CommitMoved:
                    _stack.Git("commit", "-q", "--allow-empty", "-m", "moved on");
                    break;
                case Tamper.TooOld:
                    clock.Now += TimeSpan.FromMinutes(61);
                    break;
                case Tamper.OtherEnvironment:
                    applyEnvironment = environment + "-other";
                    break;
            }

            SlipwayException refused = await Should.ThrowAsync<SlipwayException>(
                () => _stack.ApplyAsync(applyEnvironment, workspace: environment, planFile: planFile));

            refused.Kind.ShouldBe(FailureKind.Refused);
            refused.Message.ShouldContain(expected);
            refused.Message.ShouldContain("Run PlanInfra again: ./build.sh PlanInfra --env ");
            File.Exists(Path.Combine(_stack.Stack, "terraform.tfstate.d", environment, "terraform.tfstate")).ShouldBeFalse();
        }
        finally
        {
            _stack.Time = TimeProvider.System;
        }
    }

    [Fact]
    public async Task Apply_of_a_stale_saved_plan_says_to_plan_again()
    {
        InfraPlanResult first = await _stack.PlanAsync("stale");
        string reviewed = Path.Combine(_stack.Root, "reviewed-stale");
        Directory.CreateDirectory(reviewed);
        File.Copy(first.PlanFile, Path.Combine(reviewed, "infra.tfplan"));
        File.Copy(first.MetadataFile, Path.Combine(reviewed, PlanMetadata.FileName));
        await _stack.PlanAsync("stale", StackCopy.Variables(zone: "newer.test"));
        await _stack.ApplyAsync("stale");

        SlipwayException refused = await Should.ThrowAsync<SlipwayException>(
            () => _stack.ApplyAsync("stale", planFile: Path.Combine(reviewed, "infra.tfplan")));

        refused.Kind.ShouldBe(FailureKind.Refused);
        refused.Message.ShouldContain("The saved plan is stale");
        refused.Message.ShouldContain("Run PlanInfra again: ./build.sh PlanInfra --env stale");
    }

    [Fact]
    public async Task Apply_without_a_plan_says_to_run_PlanInfra()
    {
        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => _stack.ApplyAsync("never-planned"));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldContain("Run PlanInfra first: ./build.sh PlanInfra --env never-planned");
    }
}
