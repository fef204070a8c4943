using Slipway.Infrastructure;
using Slipway.Processes;

namespace Slipway.Tests.Infrastructure;

public sealed class SecretVariableTests
{
    private const string Secret = "s3cr3t-dns-token-6f1c";

    [Fact]
    public async Task Secret_variable_never_appears_in_output_files_or_command_lines()
    {
        using var stack = new StackCopy();
        File.WriteAllText(
            Path.Combine(stack.Stack, "credentials.tf"),
            "variable \"dns_api_token\" {\n  type = string\n}\n\nresource \"terraform_data\" \"dns_credentials\" {\n  input = var.dns_api_token\n}\n");
        Dictionary<string, InfraVariable> variables = StackCopy.Variables();
        variables["dns_api_token"] = InfraVariable.Secret(Secret);

        InfraPlanResult plan = await stack.PlanAsync("dev", variables);
        InfraApplyResult applied = await stack.Applier.ApplyAsync(
            new InfraApplyRequest(stack.Options("dev", variables)),
            TestContext.Current.CancellationToken);

        applied.Applied.ShouldBeTrue();
        plan.Classification.Counts.Create.ShouldBe(6);
        stack.Log.Secrets.ShouldContain(Secret);
        stack.Log.Text.ShouldNotContain(Secret);
        stack.Log.Lines.ShouldContain(static l => l.Contains("terraform_data.dns_credentials: Plan to create", StringComparison.Ordinal));
        foreach (string file in Directory.GetFiles(stack.Temp("dev")).Where(static f => !f.EndsWith(".tfplan", StringComparison.Ordinal)))
        {
            File.ReadAllText(file).ShouldNotContain(Secret, customMessage: file);
        }
    }

    [Fact]
    public async Task An_output_that_holds_a_secret_keeps_its_real_value_for_targets_and_is_masked_for_people()
    {
        using var stack = new StackCopy();
        Dictionary<string, InfraVariable> variables = StackCopy.Variables();
        variables["dns_zone"] = InfraVariable.Secret(Secret);
        await stack.PlanAsync("zone", variables);

        InfraApplyResult applied = await stack.Applier.ApplyAsync(new InfraApplyRequest(stack.Options("zone", variables)), TestContext.Current.CancellationToken);

        applied.Outputs["ingress_host"].ShouldBe($"ingress.{Secret}");
        applied.Outputs["cluster_name"].ShouldBe("platform");
        string stored = await File.ReadAllTextAsync(applied.OutputsFile, TestContext.Current.CancellationToken);
        stored.ShouldNotContain("***");
        stored.ShouldNotContain(Secret);
        (await StackOutputs.LoadAsync(applied.OutputsFile, TestContext.Current.CancellationToken)).ShouldBe(new Dictionary<string, string> { ["cluster_name"] = "platform" });
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(applied.OutputsFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        string printed = SecretText.Redact(stack.Log.Text, stack.Log.Secrets); // what the build's log prints
        stack.Log.Secrets.ShouldContain(Secret);
        printed.ShouldContain("output ingress_host = ingress.***");
        printed.ShouldContain("Output ingress_host holds the value of a secret variable");
    }
}
