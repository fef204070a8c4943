using System.Diagnostics;
using Slipway.Infrastructure;
using Slipway.Processes;

namespace Slipway.Tests.Infrastructure;

/// <summary>
/// PlanInfra classifies what <c>plan -json</c> streams; before, it classified <c>show -json</c> of the saved plan. For
/// real plans of every kind (creates, no-ops, updates, replaces, deletes in modules and by count and key, moves,
/// forgets, a tainted resource, sensitive values, drift in a refresh-only plan, a plan that deletes everything) both
/// give the same classification, the same infra-plan.md and the same destroy-gate refusal.
/// </summary>
public sealed class PlanStreamDifferentialTests
{
    private const string Workspace = "diff";

    private const string Extra = """
        variable "items" {
          type    = number
          default = 12
        }

        variable "keys" {
          type    = string
          default = "a,b,10,9,q\"uote,é"
        }

        variable "token" {
          type      = string
          sensitive = true
          default   = "none"
        }

        resource "terraform_data" "item" {
          count = var.items
          input = "item-${count.index}"
        }

        resource "terraform_data" "keyed" {
          for_each = toset(split(",", var.keys))
          input    = each.key
        }

        module "shard" {
          source   = "./shard"
          for_each = toset(split(",", var.keys))
          key      = each.key
        }

        resource "terraform_data" "token" {
          input = var.token
        }

        """;

    private const string Shard = """
        variable "key" {
          type = string
        }

        resource "terraform_data" "x" {
          count = 2
          input = var.key
        }

        """;

    private const string Renamable = """
        resource "terraform_data" "old_name" {
          input = "same"
        }

        resource "terraform_data" "forgotten" {
          input = "kept outside terraform"
        }

        """;

    private const string Moves = """
        moved {
          from = terraform_data.old_name
          to   = terraform_data.new_name
        }

        resource "terraform_data" "new_name" {
          input = "same"
        }

        removed {
          from = terraform_data.forgotten

          lifecycle {
            destroy = false
          }
        }

        """;

    [Fact]
    public async Task The_stream_and_show_json_classify_every_kind_of_plan_alike()
    {
        using var stack = new StackCopy();
        File.WriteAllText(Path.Combine(stack.Stack, "extra.tf"), Extra);
        Directory.CreateDirectory(Path.Combine(stack.Stack, "shard"));
        File.WriteAllText(Path.Combine(stack.Stack, "shard", "main.tf"), Shard);
        File.WriteAllText(Path.Combine(stack.Stack, "renamable.tf"), Renamable);

        // Creates (in modules, by count and by key, a sensitive value), then applied.
        InfraPlanResult created = await PlanAndCompareAsync(stack, Variables());
        created.Classification.Counts.Create.ShouldBe(5 + 12 + 6 + 12 + 1 + 2);
        await stack.ApplyAsync("diff", Workspace);

        // Nothing to do.
        InfraPlanResult same = await PlanAndCompareAsync(stack, Variables());
        same.Classification.Counts.Changes.ShouldBe(0);
        same.Classification.Counts.NoOp.ShouldBe(created.Classification.Counts.Create);

        // Updates (one of a sensitive value), a replace with its dependents, deletes by count index, by key and of whole modules.
        InfraPlanResult mixed = await PlanAndCompareAsync(stack, Variables(region: "northeurope", zone: "other.test", items: "3", keys: "a,b,10,q\"uote", token: "changed"));
        mixed.Classification.Counts.Update.ShouldBeGreaterThan(1);
        mixed.Classification.Counts.Replace.ShouldBeGreaterThan(0);
        mixed.Classification.Counts.Delete.ShouldBe(9 + 2 + 4);
        mixed.Classification.Destructive.Select(static c => c.Reason).Distinct().Count().ShouldBeGreaterThan(2);

        // A move, a forget and a tainted resource.
        File.WriteAllText(Path.Combine(stack.Stack, "renamable.tf"), Moves);
        Terraform(stack, "taint", "terraform_data.network");
        InfraPlanResult moved = await PlanAndCompareAsync(stack, Variables());
        moved.Classification.Counts.Forget.ShouldBe(1);
        moved.Classification.Destructive.ShouldContain(static c => c.Reason == "replace_because_tainted");

        // Refresh-only: the move is drift.
        InfraPlanResult refreshed = await PlanAndCompareAsync(stack, Variables(), refreshOnly: true);
        refreshed.Classification.Drift.ShouldNotBeEmpty();

        // Everything deleted: no resource left in the configuration.
        foreach (string file in Directory.GetFiles(stack.Stack, "*.tf").Where(static f => !f.EndsWith("variables.tf", StringComparison.Ordinal) && !f.EndsWith("versions.tf", StringComparison.Ordinal)))
        {
            File.Delete(file);
        }

        File.WriteAllText(Path.Combine(stack.Stack, "extra.tf"), Extra.Split("resource \"terraform_data\" \"item\"")[0].TrimEnd() + "\n");
        InfraPlanResult gone = await PlanAndCompareAsync(stack, Variables());
        gone.Classification.Counts.Delete.ShouldBe(same.Classification.Counts.NoOp);
        gone.Classification.Destructive.Count.ShouldBe(gone.Classification.Counts.Delete);
    }

    private static Dictionary<string, InfraVariable> Variables(
        string region = "westeurope", string zone = "example.test", string items = "12", string keys = "a,b,10,9,q\"uote,é", string token = "none")
    {
        Dictionary<string, InfraVariable> variables = StackCopy.Variables(region, 2, zone);
        variables["items"] = items;
        variables["keys"] = keys;
        variables["token"] = InfraVariable.Secret(token);
        return variables;
    }

    private static async Task<InfraPlanResult> PlanAndCompareAsync(StackCopy stack, Dictionary<string, InfraVariable> variables, bool refreshOnly = false)
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        InfraPlanResult streamed = await stack.PlanAsync("diff", variables, Workspace, refreshOnly);
        streamed.ClassifiedFrom.ShouldBe(PlanClassificationSource.PlanStream, stack.Log.Text);

        var cli = new TerraformCli(new ProcessRunner(), stack.Environment, stack.Options("diff", variables, Workspace));
        PlanClassification shown = await cli.ShowPlanAsync(streamed.PlanFile, cancellationToken);

        PlanClassification actual = streamed.Classification;
        actual.Counts.ShouldBe(shown.Counts);
        actual.Destructive.ShouldBe(shown.Destructive);
        actual.Drift.ShouldBe(shown.Drift);
        actual.OutputChanges.ShouldBe(shown.OutputChanges);
        actual.Errored.ShouldBe(shown.Errored);
        actual.Applyable.ShouldBe(shown.Applyable);
        actual.Risk.ShouldBe(shown.Risk);
        actual.HasChanges.ShouldBe(shown.HasChanges);

        PlanMetadata fromShow = streamed.Metadata with
        {
            Risk = refreshOnly ? RiskLevel.None : shown.Risk,
            Counts = shown.Counts,
            Destructive = shown.Destructive,
            Drift = shown.Drift,
        };
        File.ReadAllText(streamed.MarkdownFile).ShouldBe(PlanReport.FormatMarkdown(fromShow));
        (await RefusalAsync(actual)).ShouldBe(await RefusalAsync(shown));
        return streamed;
    }

    private static async Task<string?> RefusalAsync(PlanClassification classification)
    {
        try
        {
            await DestroyGuard.EnsureAllowedAsync("diff", classification.Destructive, allowDestroy: false, NoDestroyApproval.Instance, TestContext.Current.CancellationToken);
            return null;
        }
        catch (SlipwayException refused) when (refused.Kind == FailureKind.Refused)
        {
            return refused.Message;
        }
    }

    private static void Terraform(StackCopy stack, params string[] arguments)
    {
        var start = new ProcessStartInfo("terraform") { WorkingDirectory = stack.Stack, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["TF_WORKSPACE"] = Workspace;
        start.Environment["TF_IN_AUTOMATION"] = "1";
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, output);
    }
}
