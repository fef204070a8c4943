using Slipway.Hosting;
using Slipway.Infrastructure;

namespace Slipway.Tests.Infrastructure;

[Collection(TerraformCollection.Name)]
public sealed class TerraformFailureTests
{
    private readonly StackCopy _stack;

    public TerraformFailureTests(StackCopy stack)
    {
        _stack = stack;
    }

    [Fact]
    public async Task Plan_while_another_terraform_holds_the_lock_names_the_lock_and_how_to_release_it()
    {
        await _stack.PlanAsync("locked");
        using (await TerraformLockHolder.StartAsync(_stack, "locked"))
        {
            string lockInfo = File.ReadAllText(Path.Combine(_stack.Stack, "terraform.tfstate.d", "locked", ".terraform.tfstate.lock.info"));
            string lockId = System.Text.Json.JsonDocument.Parse(lockInfo).RootElement.GetProperty("ID").GetString()!;

            SlipwayException refused = await Should.ThrowAsync<SlipwayException>(() => _stack.PlanAsync("locked"));

            refused.Kind.ShouldBe(FailureKind.Refused);
            refused.Message.ShouldContain("is locked by another terraform run");
            refused.Message.ShouldContain($"Lock ID:   {lockId}");
            refused.Message.ShouldContain("Held by:   ");
            refused.Message.ShouldContain($"cd infra/platform && TF_WORKSPACE=locked terraform force-unlock {lockId}");
        }
    }

    [Fact]
    public async Task A_lock_whose_holder_terraform_cannot_name_gives_the_state_file_and_no_force_unlock_of_an_unknown_id()
    {
        await _stack.PlanAsync("nameless");
        using (await TerraformLockHolder.StartAsync(_stack, "nameless"))
        {
            File.Delete(Path.Combine(_stack.Stack, "terraform.tfstate.d", "nameless", ".terraform.tfstate.lock.info"));

            SlipwayException refused = await Should.ThrowAsync<SlipwayException>(() => _stack.PlanAsync("nameless"));

            refused.Kind.ShouldBe(FailureKind.Refused);
            refused.Message.ShouldContain("is locked, but terraform could not say by whom");
            refused.Message.ShouldContain("fuser -v infra/platform/terraform.tfstate.d/nameless/terraform.tfstate");
            refused.Message.ShouldContain("cd infra/platform && TF_WORKSPACE=nameless terraform force-unlock <lock ID>");
            refused.Message.ShouldNotContain("(unknown)");
        }
    }

    [Theory]
    [InlineData("broken.tf", "resource \"terraform_data\" \"broken\" {\n  input = \"a\"\n  oops =\n}\n", "infra/platform/broken.tf:3: error: Invalid expression")]
    [InlineData("undeclared.tf", "resource \"terraform_data\" \"undeclared\" {\n  input = var.missing\n}\n", "infra/platform/undeclared.tf:2: error: Reference to undeclared input variable")]
    [InlineData("ugly.tf", "resource \"terraform_data\" \"ugly\" {\ninput = \"a\"\n}\n", "infra/platform/ugly.tf:2: error: not in canonical format")]
    public async Task Configuration_problems_are_reported_with_file_and_line(string file, string content, string expected)
    {
        using var stack = new StackCopy();
        await stack.PlanAsync("dev");
        File.WriteAllText(Path.Combine(stack.Stack, file), content);

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => stack.PlanAsync("dev"));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldContain(expected);
        error.Message.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Syntax_error_on_a_fresh_stack_fails_init_with_file_and_line()
    {
        using var stack = new StackCopy();
        File.WriteAllText(Path.Combine(stack.Stack, "broken.tf"), "resource \"terraform_data\" \"broken\" {\n  oops =\n}\n");

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => stack.PlanAsync("dev"));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldContain("terraform init failed (exit code 1) in infra/platform:");
        error.Message.ShouldContain("infra/platform/broken.tf:2: error: Invalid expression");
        error.Message.ShouldNotContain("   at ");
    }

    [Theory]
    [InlineData("terraform", "'terraform' was not found on PATH", "install Terraform (https://developer.hashicorp.com/terraform/install")]
    [InlineData("tofu", "'tofu' was not found on PATH", "install OpenTofu (https://opentofu.org/docs/intro/install/)")]
    public async Task Missing_binary_says_which_and_how_to_install(string tool, string expected, string install)
    {
        var planner = new InfraPlanner(new Slipway.Processes.ProcessRunner(), new DictionaryEnvironmentVariables([new("PATH", "/nonexistent")]));

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(
            () => planner.PlanAsync(new InfraPlanRequest(_stack.Options("missing") with { Tool = tool }), TestContext.Current.CancellationToken));

        error.Kind.ShouldBe(FailureKind.Input); // bad setup is exit 2, as the bootstrap says for a missing .NET SDK
        error.Message.ShouldContain(expected);
        error.Message.ShouldContain(install);
    }

    [Fact]
    public async Task Unknown_tool_is_bad_input()
    {
        SlipwayException error = await Should.ThrowAsync<SlipwayException>(
            () => _stack.Planner.PlanAsync(new InfraPlanRequest(_stack.Options("dev") with { Tool = "pulumi" }), TestContext.Current.CancellationToken));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldContain("infrastructure.tool is 'pulumi'");
    }
}
