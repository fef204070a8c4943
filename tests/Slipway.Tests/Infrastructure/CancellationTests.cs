using Slipway.Infrastructure;

namespace Slipway.Tests.Infrastructure;

public sealed class CancellationTests
{
    [Fact]
    public async Task Cancelled_apply_interrupts_terraform_which_releases_its_state_lock()
    {
        using var stack = new StackCopy();
        File.WriteAllText(
            Path.Combine(stack.Stack, "slow.tf"),
            "resource \"terraform_data\" \"slow\" {\n  provisioner \"local-exec\" {\n    command = \"exec sleep 30\"\n  }\n}\n");
        await stack.PlanAsync("dev");
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        Task<InfraApplyResult> apply = stack.Applier.ApplyAsync(new InfraApplyRequest(stack.Options("dev")), cancel.Token);
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken))
        {
            deadline.CancelAfter(TimeSpan.FromSeconds(60));
            while (!stack.Log.Lines.Any(static l => l.Contains("Provisioning with 'local-exec'", StringComparison.Ordinal)))
            {
                await Task.Delay(50, deadline.Token);
            }
        }

        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => apply);
        File.Exists(Path.Combine(stack.Stack, "terraform.tfstate.d", "dev", ".terraform.tfstate.lock.info")).ShouldBeFalse();
        stack.Log.Lines.ShouldContain(static l => l.Contains("Interrupt received", StringComparison.Ordinal));
        InfraPlanResult again = await stack.PlanAsync("dev");
        again.HasChanges.ShouldBeTrue();
    }
}
