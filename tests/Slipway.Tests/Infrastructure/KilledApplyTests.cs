using System.Text.Json;
using Slipway.Infrastructure;
using Slipway.Tests.Faults;

namespace Slipway.Tests.Infrastructure;

/// <summary>
/// terraform killed (SIGKILL) in the middle of ApplyInfra, as the OOM killer or a cancelled CI job does: a clear failure with
/// the way back, nothing half-written, the interrupted plan never applied a second time, and plan + apply work again.
/// </summary>
public sealed class KilledApplyTests
{
    private const string Slow = "resource \"terraform_data\" \"slow\" {\n  provisioner \"local-exec\" {\n    command = \"exec sleep 60\"\n  }\n}\n";

    [Fact]
    public async Task Terraform_killed_mid_apply_fails_clearly_and_the_plan_is_planned_again_not_reapplied()
    {
        using var stack = new StackCopy();
        await stack.PlanAsync("dev");
        await stack.ApplyAsync("dev");
        File.WriteAllText(Path.Combine(stack.Stack, "slow.tf"), Slow);
        InfraPlanResult planned = await stack.PlanAsync("dev");
        planned.HasChanges.ShouldBeTrue();
        string lockInfo = Path.Combine(stack.Stack, "terraform.tfstate.d", "dev", ".terraform.tfstate.lock.info");
        string[] tempBefore = Directory.GetFiles(stack.Temp("dev")).Select(Path.GetFileName).Order().ToArray()!;

        Task<InfraApplyResult> apply = stack.ApplyAsync("dev");
        int terraform = await WaitForProvisionerAsync(stack);
        string lockId = JsonDocument.Parse(File.ReadAllText(lockInfo)).RootElement.GetProperty("ID").GetString()!;
        ProcessTable.KillWithChildren(terraform);

        SlipwayException killed = await Should.ThrowAsync<SlipwayException>(() => apply);
        killed.Kind.ShouldBe(FailureKind.Failed);
        killed.Message.ShouldContain("terraform apply was interrupted: it was killed by signal 9 (SIGKILL, exit code 137) in infra/platform, workspace 'dev'");
        killed.Message.ShouldContain("Part of the plan may have been applied");
        killed.Message.ShouldContain("./build.sh ApplyInfra --env dev   (plans again, then applies; run ./build.sh PlanInfra --env dev first to review)");
        killed.Message.ShouldContain($"cd infra/platform && TF_WORKSPACE=dev terraform force-unlock {lockId}");
        killed.Message.ShouldNotContain("(unknown)");

        // Nothing half-written: the files Slipway keeps beside the plan are whole, no temp file is left, no outputs were saved
        // for an apply that did not finish; only the record of the unfinished attempt was added.
        string[] tempAfter = Directory.GetFiles(stack.Temp("dev")).Select(Path.GetFileName).Order().ToArray()!;
        tempAfter.ShouldBe(tempBefore.Append(ApplyAttempt.FileName).Order().ToArray());
        JsonDocument.Parse(File.ReadAllText(Path.Combine(stack.Temp("dev"), ApplyAttempt.FileName))).RootElement.GetProperty("planSha256").GetString().ShouldNotBeNullOrEmpty();

        // terraform itself would apply this plan again (the kill came before any state was written): Slipway does not.
        SlipwayException again = await Should.ThrowAsync<SlipwayException>(() => stack.ApplyAsync("dev"));
        again.Kind.ShouldBe(FailureKind.Refused);
        again.Message.ShouldContain("that apply did not finish");
        again.Message.ShouldContain("./build.sh PlanInfra --env dev");

        File.WriteAllText(Path.Combine(stack.Stack, "slow.tf"), Slow.Replace("sleep 60", "true", StringComparison.Ordinal));
        InfraPlanResult replanned = await stack.PlanAsync("dev");
        InfraApplyResult applied = await stack.ApplyAsync("dev");

        replanned.HasChanges.ShouldBeTrue();
        applied.Applied.ShouldBeTrue();
        File.Exists(Path.Combine(stack.Temp("dev"), ApplyAttempt.FileName)).ShouldBeFalse();
        File.Exists(lockInfo).ShouldBeFalse();
        (await stack.PlanAsync("dev")).HasChanges.ShouldBeFalse();
    }

    [Fact]
    public async Task An_apply_refused_for_a_held_lock_leaves_the_plan_applicable_once_the_lock_is_released()
    {
        using var stack = new StackCopy();
        await stack.PlanAsync("held");
        string planFile = Path.Combine(stack.Temp("held"), "infra.tfplan");

        using (await TerraformLockHolder.StartAsync(stack, "held"))
        {
            SlipwayException refused = await Should.ThrowAsync<SlipwayException>(() => stack.ApplyAsync("held"));
            refused.Kind.ShouldBe(FailureKind.Refused);
            refused.Message.ShouldContain("is locked by another terraform run");
        }

        File.Exists(ApplyAttempt.PathFor(planFile)).ShouldBeFalse();
        InfraApplyResult applied = await stack.ApplyAsync("held");
        applied.Applied.ShouldBeTrue();
    }

    /// <summary>Waits until terraform runs the slow provisioner; returns terraform's pid.</summary>
    private static async Task<int> WaitForProvisionerAsync(StackCopy stack)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(90));
        while (!stack.Log.Lines.Any(static l => l.Contains("Provisioning with 'local-exec'", StringComparison.Ordinal)))
        {
            await Task.Delay(50, deadline.Token);
        }

        return ProcessTable.Find("terraform", stack.Stack, "apply").ShouldHaveSingleItem();
    }
}
