using System.Text.Json;
using Slipway.Infrastructure;

namespace Slipway.Tests.Infrastructure;

/// <summary><c>infrastructure.backend</c> through real terraform: settings at init, a change refused, an unknown type at its key.</summary>
public sealed class BackendTests
{
    private const string Variables = "  variables:\n    cluster_name: platform\n    region: westeurope\n    dns_zone: example.test\n";

    private static string Backend(string type, string config)
        => $"infrastructure:\n  stack: infra/platform\n  backend:\n    type: {type}\n    config:\n{config}" + Variables;

    [Fact]
    public async Task Settings_reach_init_secrets_by_reference_and_a_changed_backend_is_refused_with_the_migration_step()
    {
        using var stack = new StackCopy();
        string first = Path.Combine(stack.Root, "state", "first.tfstate");
        InfraOptions options = await EnvironmentStack.OptionsAsync(stack, "dev", Backend("local", "      path: ${env:STATE_PATH}\n"), ("STATE_PATH", first));

        await stack.Planner.PlanAsync(new InfraPlanRequest(options), TestContext.Current.CancellationToken);

        string recorded = await File.ReadAllTextAsync(Path.Combine(stack.Stack, ".terraform", "environments", "dev", "terraform.tfstate"), TestContext.Current.CancellationToken);
        using (JsonDocument backend = JsonDocument.Parse(recorded))
        {
            backend.RootElement.GetProperty("backend").GetProperty("type").GetString().ShouldBe("local");
            backend.RootElement.GetProperty("backend").GetProperty("config").GetProperty("path").GetString().ShouldBe(first);
        }

        Directory.GetFiles(stack.Temp("dev")).ShouldNotContain(file => file.EndsWith(".tfbackend", StringComparison.Ordinal));
        stack.Log.Text.ShouldNotContain(first);

        InfraOptions moved = await EnvironmentStack.OptionsAsync(stack, "dev", Backend("local", "      path: state/second.tfstate\n"));
        SlipwayException refused = await Should.ThrowAsync<SlipwayException>(() => stack.Planner.PlanAsync(new InfraPlanRequest(moved), TestContext.Current.CancellationToken));

        refused.Kind.ShouldBe(FailureKind.Refused);
        refused.Message.ShouldContain("The backend of environment 'dev' changed (environments/dev/env.yaml:9)");
        refused.Message.ShouldContain("cd infra/platform && TF_DATA_DIR=.terraform/environments/dev terraform init -migrate-state -backend-config=path=state/second.tfstate");
    }

    [Fact]
    public async Task An_unknown_backend_type_is_terraforms_error_at_the_type_key()
    {
        using var stack = new StackCopy();
        InfraOptions options = await EnvironmentStack.OptionsAsync(stack, "dev", Backend("s4", "      bucket: b\n"));

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => stack.Planner.PlanAsync(new InfraPlanRequest(options), TestContext.Current.CancellationToken));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldContain("environments/dev/env.yaml:9: error: infrastructure.backend.type: Unsupported backend type");
        error.Message.ShouldContain("There is no backend type named \"s4\"");
    }

    [Fact]
    public async Task A_setting_the_backend_does_not_know_is_terraforms_error_at_its_key()
    {
        using var stack = new StackCopy();
        InfraOptions options = await EnvironmentStack.OptionsAsync(stack, "dev", Backend("local", "      path: state/x.tfstate\n      bucket: nope\n"));

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => stack.Planner.PlanAsync(new InfraPlanRequest(options), TestContext.Current.CancellationToken));

        error.Message.ShouldContain("environments/dev/env.yaml:12: error: infrastructure.backend.config.bucket: Invalid backend configuration argument");
    }
}
