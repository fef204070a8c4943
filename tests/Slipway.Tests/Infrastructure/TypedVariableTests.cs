using System.Diagnostics;
using System.Text.Json;
using Slipway.Infrastructure;

namespace Slipway.Tests.Infrastructure;

/// <summary>Lists and maps in <c>infrastructure.variables</c> reach real terraform with their types, secrets inside by reference.</summary>
public sealed class TypedVariableTests
{
    // Holds a template sequence: passed through TF_VAR_ as HCL, it must arrive as written.
    private const string Secret = "p00l-${t0ken}-8d2e";

    private const string TypedStack = """
        variable "tags" {
          type = map(string)
        }

        variable "pools" {
          type = list(object({ name = string, size = number, spot = bool, labels = map(string), zones = list(string) }))
        }

        variable "auth" {
          type      = object({ user = string, token = string })
          sensitive = true
        }

        resource "terraform_data" "typed" {
          input = { tags = var.tags, pools = var.pools }
        }

        resource "terraform_data" "auth" {
          input = nonsensitive(var.auth.token)
        }

        """;

    private const string Environment = """
        infrastructure:
          stack: infra/platform
          variables:
            cluster_name: platform
            region: westeurope
            dns_zone: example.test
            tags:
              team: platform
              "kubernetes.io/cluster": "owned"
              cost-center: "0042"
            pools:
              - name: system
                size: 3
                spot: false
                labels: {tier: system}
                zones: [a, b]
              - name: burst
                size: 10
                spot: true
                labels: {}
                zones: []
            auth:
              user: admin
              token: pre-${env:POOL_TOKEN}
        """;

    [Fact]
    public async Task Nested_lists_and_maps_round_trip_through_terraform_plan_with_secrets_only_in_the_environment()
    {
        using var stack = new StackCopy();
        await File.WriteAllTextAsync(Path.Combine(stack.Stack, "typed.tf"), TypedStack.ReplaceLineEndings("\n"), TestContext.Current.CancellationToken);
        InfraOptions options = await EnvironmentStack.OptionsAsync(stack, "dev", Environment, ("POOL_TOKEN", Secret));

        InfraPlanResult plan = await stack.Planner.PlanAsync(new InfraPlanRequest(options), TestContext.Current.CancellationToken);

        using JsonDocument shown = JsonDocument.Parse(Show(stack, plan.PlanFile));
        JsonElement changes = shown.RootElement.GetProperty("resource_changes");
        JsonElement typed = changes.EnumerateArray().Single(change => change.GetProperty("address").GetString() == "terraform_data.typed").GetProperty("change").GetProperty("after").GetProperty("input");
        JsonSerializer.Serialize(typed).ShouldBe(
            """{"pools":[{"labels":{"tier":"system"},"name":"system","size":3,"spot":false,"zones":["a","b"]},{"labels":{},"name":"burst","size":10,"spot":true,"zones":[]}],"tags":{"cost-center":"0042","kubernetes.io/cluster":"owned","team":"platform"}}""");
        changes.EnumerateArray().Single(change => change.GetProperty("address").GetString() == "terraform_data.auth")
            .GetProperty("change").GetProperty("after").GetProperty("input").GetString().ShouldBe($"pre-{Secret}");
        string tfvars = await File.ReadAllTextAsync(Path.Combine(stack.Temp("dev"), TfVarsFile.FileName), TestContext.Current.CancellationToken);
        tfvars.ShouldContain("\"kubernetes.io/cluster\":\"owned\"");
        tfvars.ShouldNotContain("auth");
        tfvars.ShouldNotContain(Secret);
        stack.Log.Secrets.ShouldContain(Secret);
        stack.Log.Text.ShouldNotContain(Secret);
    }

    [Fact]
    public async Task A_list_where_the_stack_declares_a_string_is_terraforms_error_at_the_environment_key()
    {
        using var stack = new StackCopy();
        InfraOptions options = await EnvironmentStack.OptionsAsync(stack, "dev",
            "infrastructure:\n  stack: infra/platform\n  variables:\n    cluster_name: platform\n    region: [westeurope, northeurope]\n    dns_zone: example.test\n");

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => stack.Planner.PlanAsync(new InfraPlanRequest(options), TestContext.Current.CancellationToken));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldContain("environments/dev/env.yaml:10: error: infrastructure.variables.region: Invalid value for input variable");
        error.Message.ShouldContain("string required");
    }

    private static string Show(StackCopy stack, string planFile)
    {
        var start = new ProcessStartInfo("terraform") { WorkingDirectory = stack.Stack, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in (string[])["show", "-json", "-no-color", planFile])
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, process.StandardError.ReadToEnd());
        return output;
    }
}
