using System.Security.Cryptography;
using System.Text.Json;
using Slipway.Hosting;
using Slipway.Infrastructure;

namespace Slipway.Tests.Infrastructure;

[Collection(TerraformCollection.Name)]
public sealed class InfraPlannerTests
{
    private readonly StackCopy _stack;

    public InfraPlannerTests(StackCopy stack)
    {
        _stack = stack;
    }

    [Fact]
    public async Task Plan_of_a_new_workspace_counts_creates_and_writes_reports()
    {
        string summary = Path.Combine(_stack.Root, "step-summary.md");
        _stack.Environment = new DictionaryEnvironmentVariables(
        [
            new("PATH", Environment.GetEnvironmentVariable("PATH") ?? string.Empty),
            new("GITHUB_STEP_SUMMARY", summary),
        ]);
        try
        {
            InfraPlanResult result = await _stack.PlanAsync("fresh");

            result.Classification.Counts.ShouldBe(new PlanCounts { Create = 5, Update = 0, Replace = 0, Delete = 0, Read = 0, NoOp = 0, Forget = 0 });
            result.Risk.ShouldBe(RiskLevel.Low);
            result.PlanExitCode.ShouldBe(2);
            result.HasChanges.ShouldBeTrue();
            result.PlanFile.ShouldBe(Path.Combine(_stack.Temp("fresh"), "infra.tfplan"));
            File.Exists(result.PlanFile).ShouldBeTrue();

            PlanMetadata metadata = await PlanMetadata.ReadAsync(result.MetadataFile, TestContext.Current.CancellationToken);
            metadata.PlanSha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(result.PlanFile))));
            metadata.Commit.ShouldMatch("^[0-9a-f]{40}$");
            metadata.Environment.ShouldBe("fresh");
            metadata.Workspace.ShouldBe("fresh");
            metadata.Stack.ShouldBe("infra/platform");
            metadata.Counts.Create.ShouldBe(5);

            string markdown = File.ReadAllText(result.MarkdownFile);
            markdown.ShouldContain("### Infrastructure plan: fresh");
            markdown.ShouldContain("| create | 5 |");
            File.Exists(summary).ShouldBeFalse("the plan reaches the step summary through the run report (build/Build.Reporting.cs), not twice");
            result.Table.ShouldContain("risk low");
        }
        finally
        {
            _stack.Environment = new DictionaryEnvironmentVariables([new("PATH", Environment.GetEnvironmentVariable("PATH") ?? string.Empty)]);
        }
    }

    [Theory]
    [InlineData("same", "westeurope", 2, "example.test", PlanAction.NoOp, null, RiskLevel.None)]
    [InlineData("update", "westeurope", 2, "other.test", PlanAction.Update, null, RiskLevel.Low)]
    [InlineData("replace", "northeurope", 2, "example.test", PlanAction.Replace, "replace_because_cannot_update", RiskLevel.High)]
    [InlineData("delete", "westeurope", 1, "example.test", PlanAction.Delete, "delete_because_count_index", RiskLevel.High)]
    public async Task Plan_against_applied_state_is_classified(
        string environment, string region, int nodes, string zone, PlanAction expected, string? reason, RiskLevel risk)
    {
        await EnsureBaselineAsync();

        InfraPlanResult result = await _stack.PlanAsync(environment, StackCopy.Variables(region, nodes, zone), workspace: "baseline");

        PlanCounts counts = result.Classification.Counts;
        result.Risk.ShouldBe(risk);
        switch (expected)
        {
            case PlanAction.NoOp:
                counts.Changes.ShouldBe(0);
                result.PlanExitCode.ShouldBe(0);
                result.HasChanges.ShouldBeFalse();
                break;
            case PlanAction.Update:
                counts.ShouldBe(PlanCounts.Empty with { Update = 1, NoOp = 4 });
                break;
            case PlanAction.Replace:
                counts.Replace.ShouldBe(1);
                result.Classification.Destructive.ShouldBe([new ResourceChange("terraform_data.cluster", PlanAction.Replace, reason)]);
                break;
            case PlanAction.Delete:
                counts.Delete.ShouldBe(1);
                result.Classification.Destructive.ShouldBe([new ResourceChange("terraform_data.node[1]", PlanAction.Delete, reason)]);
                File.ReadAllText(result.MarkdownFile).ShouldContain("- delete `terraform_data.node[1]` (delete_because_count_index)");
                break;
        }
    }

    [Fact]
    public async Task Refresh_only_plan_reports_drift_only()
    {
        await EnsureBaselineAsync();

        InfraPlanResult result = await _stack.PlanAsync("refresh", workspace: "baseline", refreshOnly: true);

        result.Metadata.RefreshOnly.ShouldBeTrue();
        result.Risk.ShouldBe(RiskLevel.None);
        result.Classification.Drift.ShouldBeEmpty();
        result.Table.ShouldContain("no drift");
    }

    [Fact]
    public async Task Init_runs_only_when_needed()
    {
        await _stack.PlanAsync("init-once");
        int before = _stack.Log.Lines.Count(static l => l.StartsWith("info: terraform init", StringComparison.Ordinal));

        await _stack.PlanAsync("init-once");

        _stack.Log.Lines.Count(static l => l.StartsWith("info: terraform init", StringComparison.Ordinal)).ShouldBe(before);
        File.ReadAllText(Path.Combine(_stack.Stack, ".terraform", "slipway-init.sha256")).ShouldMatch("^[0-9a-f]{64}$");
    }

    [Fact]
    public async Task Tfvars_file_holds_the_variables_as_json()
    {
        await _stack.PlanAsync("vars");

        using JsonDocument tfvars = JsonDocument.Parse(File.ReadAllText(Path.Combine(_stack.Temp("vars"), "infra.tfvars.json")));
        tfvars.RootElement.GetProperty("cluster_name").GetString().ShouldBe("platform");
        tfvars.RootElement.GetProperty("node_count").GetString().ShouldBe("2");
    }

    private Task EnsureBaselineAsync() => _stack.EnsureBaselineAsync();
}
