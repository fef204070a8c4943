using CliWrap;
using Slipway.IO;

namespace Slipway.Benchmarks.Infrastructure;

/// <summary>
/// Makes (once) and caches the <c>show -json</c> of a large plan of N <c>terraform_data</c> resources:
/// one in ten is updated, one in fifty replaced (<c>triggers_replace</c>) and the last one in a hundred
/// deleted (a smaller count), in modules of 1,000 resources each. Applying 20,000 resources takes terraform a quarter of an hour on a busy
/// 2-core machine, so the prior state is made from a real 8-resource apply whose instances are cloned;
/// the plan itself is made by real terraform from that state.
/// </summary>
internal static class PlanJsonCache
{
    /// <summary>Shards of 1,000: terraform's planning time grows much faster than linearly with one resource's count.</summary>
    internal const int ShardSize = 1000;

    internal const string RootModule = """
        variable "resources" {
          type = number
        }

        variable "generation" {
          type = number
        }

        module "shard" {
          source     = "./shard"
          count      = ceil(var.resources / 1000)
          shard      = count.index
          size       = min(1000, var.resources - count.index * 1000)
          generation = var.generation
        }
        """;

    internal const string ShardModule = """
        variable "shard" {
          type = number
        }

        variable "size" {
          type = number
        }

        variable "generation" {
          type = number
        }

        resource "terraform_data" "item" {
          count            = var.size
          triggers_replace = [count.index % 50 == 7 ? var.generation : 0]
          input = {
            name = "item-${var.shard}-${count.index}"
            tier = count.index % 10 == 3 ? "gen-${var.generation}" : "stable"
          }
        }
        """;

    public static async Task<string> EnsureAsync(string cache, int resources, CancellationToken cancellationToken)
    {
        string json = Path.Combine(cache, "plan.json");
        if (File.Exists(json))
        {
            return json;
        }

        string stack = Path.Combine(cache, "stack");
        Directory.CreateDirectory(stack);
        await AtomicFile.WriteAllTextAsync(Path.Combine(stack, "main.tf"), RootModule, cancellationToken);
        await AtomicFile.WriteAllTextAsync(Path.Combine(stack, "shard", "main.tf"), ShardModule, cancellationToken);
        Console.WriteLine($"Making the benchmark plan once with terraform in {stack} ({resources} resources)...");
        await TerraformAsync(stack, cancellationToken, "init", "-input=false");
        await TerraformAsync(stack, cancellationToken, "apply", "-auto-approve", "-input=false", "-var=resources=8", "-var=generation=1");
        await StateCloner.ExpandAsync(Path.Combine(stack, "terraform.tfstate"), resources, cancellationToken);
        await TerraformAsync(stack, cancellationToken, "plan", "-out=plan.tfplan", "-input=false", "-refresh=false", $"-var=resources={resources - (resources / 100)}", "-var=generation=2");
        string partial = json + ".partial";
        await Cli.Wrap("terraform")
            .WithArguments(["show", "-json", "plan.tfplan"])
            .WithWorkingDirectory(stack)
            .WithStandardOutputPipe(PipeTarget.ToFile(partial))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(static _ => { }))
            .ExecuteAsync(cancellationToken);
        File.Move(partial, json, overwrite: true);
        return json;
    }

    private static async Task TerraformAsync(string stack, CancellationToken cancellationToken, params string[] arguments)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(20));
        var output = new System.Text.StringBuilder();
        CommandResult result = await Cli.Wrap("terraform")
            .WithArguments([.. arguments, "-no-color"])
            .WithWorkingDirectory(stack)
            .WithEnvironmentVariables(env => env.Set("TF_IN_AUTOMATION", "1"))
            .WithStandardOutputPipe(PipeTarget.ToDelegate(_ => { }))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(output))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(timeout.Token);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"terraform {arguments[0]} failed ({result.ExitCode}): {output}");
        }
    }
}
