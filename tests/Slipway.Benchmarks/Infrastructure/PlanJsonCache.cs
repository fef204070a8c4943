using CliWrap;
using Slipway.IO;

namespace Slipway.Benchmarks.Infrastructure;

/// <summary>
/// Makes (once) and caches the <c>show -json</c> of a large plan of N <c>terraform_data</c> resources:
/// one in ten is updated, one in fifty replaced (<c>triggers_replace</c>) and the last one in a hundred
/// deleted (a smaller count). Applying 20,000 resources takes terraform a quarter of an hour on a busy
/// 2-core machine, so the prior state is made from a real 8-resource apply whose instances are cloned;
/// the plan itself is made by real terraform from that state.
/// </summary>
internal static class PlanJsonCache
{
    private const string Stack = """
        variable "resources" {
          type = number
        }

        variable "generation" {
          type = number
        }

        resource "terraform_data" "item" {
          count            = var.resources
          triggers_replace = [count.index % 50 == 7 ? var.generation : 0]
          input = {
            name   = "item-${count.index}"
            region = "westeurope"
            tier   = count.index % 10 == 3 ? "gen-${var.generation}" : "stable"
            labels = { team = "platform", index = tostring(count.index) }
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
        await AtomicFile.WriteAllTextAsync(Path.Combine(stack, "main.tf"), Stack, cancellationToken);
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
