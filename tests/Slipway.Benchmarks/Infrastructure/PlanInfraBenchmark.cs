using System.Diagnostics;
using System.Globalization;
using CliWrap;
using Slipway.BuildTools.Benchmarks;
using Slipway.Hosting;
using Slipway.Infrastructure;
using Slipway.IO;
using Slipway.Processes;

namespace Slipway.Benchmarks.Infrastructure;

/// <summary>
/// PlanInfra as a user gets it against <c>terraform plan -out</c> alone, side by side in one run, on a stack of N
/// <c>terraform_data</c> resources (the <c>infra</c> benchmark's generator: one in ten updated, one in fifty replaced,
/// one in a hundred deleted). Rounds interleave the two (their order alternating) so the load of a shared machine
/// weighs on both alike; medians and PlanInfra's overhead over the plan are reported (goal: at most 5%). The stack and
/// its 20,000-resource state are made once and cached; each run plans against the same state, and once, for the record,
/// the <c>show -json</c> that PlanInfra ran before is timed.
/// Arguments: [--resources N] [--rounds N] [--cache DIR].
/// </summary>
public static class PlanInfraBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        int resources = BenchmarkArguments.Int(args, "--resources", 20_000);
        int rounds = BenchmarkArguments.Int(args, "--rounds", 3);
        string cache = BenchmarkArguments.Option(args, "--cache") ?? Path.Combine(Path.GetTempPath(), "slipway-benchmark-cache", $"planinfra-{resources}");
        CancellationToken none = CancellationToken.None;
        string stack = await EnsureStackAsync(cache, resources, none);
        var options = new InfraOptions
        {
            RepositoryRoot = cache,
            StackDirectory = stack,
            Environment = "bench",
            Workspace = "default",
            Variables = new Dictionary<string, InfraVariable>
            {
                ["resources"] = (resources - (resources / 100)).ToString(CultureInfo.InvariantCulture),
                ["generation"] = "2",
            },
            CommandTimeout = TimeSpan.FromHours(1),
        };
        var environment = new DictionaryEnvironmentVariables([new("PATH", Environment.GetEnvironmentVariable("PATH") ?? string.Empty)]);
        var planner = new InfraPlanner(new ProcessRunner(), environment);

        // Once before the rounds: init, workspace and the generated tfvars are in place, and the result is shown.
        InfraPlanResult first = await planner.PlanAsync(new InfraPlanRequest(options), none);
        PlanCounts counts = first.Classification.Counts;
        Console.WriteLine($"Stack: {stack} ({resources} resources); plan: create {counts.Create}, update {counts.Update}, replace {counts.Replace}, delete {counts.Delete}, no-op {counts.NoOp}; classified from {first.ClassifiedFrom}");
        string varFile = Path.Combine(options.EffectiveTempDirectory, "infra.tfvars.json");

        var plan = new List<double>();
        var planInfra = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            for (int turn = 0; turn < 2; turn++)
            {
                var watch = Stopwatch.StartNew();
                if ((round + turn) % 2 == 0)
                {
                    await TerraformAsync(stack, none, "plan", "-out=baseline.tfplan", "-detailed-exitcode", "-input=false", "-lock-timeout=0s", $"-var-file={varFile}", "-no-color");
                    plan.Add(watch.Elapsed.TotalSeconds);
                }
                else
                {
                    await planner.PlanAsync(new InfraPlanRequest(options), none);
                    planInfra.Add(watch.Elapsed.TotalSeconds);
                }
            }

            Console.WriteLine($"Round {round + 1}: plan -out {plan[^1]:0.0} s, PlanInfra {planInfra[^1]:0.0} s");
        }

        var show = Stopwatch.StartNew();
        await TerraformAsync(stack, none, "show", "-json", "baseline.tfplan");
        double showSeconds = show.Elapsed.TotalSeconds;

        double planMedian = Median(plan);
        double planInfraMedian = Median(planInfra);
        double overhead = (planInfraMedian / planMedian - 1) * 100;
        Console.WriteLine($"terraform plan -out alone: median {planMedian:0.00} s ({Join(plan)})");
        Console.WriteLine($"PlanInfra (InfraPlanner): median {planInfraMedian:0.00} s ({Join(planInfra)})");
        Console.WriteLine($"PlanInfra overhead: {overhead:+0.0;-0.0}% (goal <= 5%: {(overhead <= 5 ? "met" : "NOT met")})");
        Console.WriteLine($"For the record: the 'show -json' PlanInfra used to run after the plan took {showSeconds:0.0} s (+{showSeconds / planMedian * 100:0}% of the plan).");
        BenchmarkRecorder.Record(new BenchmarkMeasure
        {
            Name = "planinfra.overhead",
            Title = $"PlanInfra end to end on {resources:N0} `terraform_data` resources ({counts.Update + counts.Replace + counts.Delete + counts.Create:N0} changes), median of {planInfra.Count} interleaved rounds",
            Unit = "s",
            Kind = FigureKind.WholeProcess,
            Samples = planInfra.Count,
            Value = planInfraMedian,
            Baseline = planMedian,
            BaselineTitle = "`terraform plan -out` alone, same stack, same rounds",
            Goals = [BenchmarkGoal.RatioAtLeast(1 / 1.05)],
            Note = $"at most 5% over the plan alone; the `show -json` PlanInfra ran before took {showSeconds:0.0} s more",
        });
        return 0;
    }

    private static async Task<string> EnsureStackAsync(string cache, int resources, CancellationToken cancellationToken)
    {
        string stack = Path.Combine(cache, "stack");
        if (File.Exists(Path.Combine(stack, "terraform.tfstate")) && File.Exists(Path.Combine(cache, ".ready")))
        {
            return stack;
        }

        Directory.CreateDirectory(Path.Combine(stack, "shard"));
        await AtomicFile.WriteAllTextAsync(Path.Combine(stack, "main.tf"), PlanJsonCache.RootModule + "\n", cancellationToken);
        await AtomicFile.WriteAllTextAsync(Path.Combine(stack, "shard", "main.tf"), PlanJsonCache.ShardModule + "\n", cancellationToken);
        await AtomicFile.WriteAllTextAsync(Path.Combine(cache, ".gitignore"), ".nuke/\n.terraform/\n*.tfstate*\n*.tfplan\n.ready\n", cancellationToken);
        Console.WriteLine($"Making the benchmark stack once in {stack} ({resources} resources)...");
        await TerraformAsync(stack, cancellationToken, "fmt", "-recursive");
        await TerraformAsync(stack, cancellationToken, "init", "-input=false");
        await TerraformAsync(stack, cancellationToken, "apply", "-auto-approve", "-input=false", "-var=resources=8", "-var=generation=1");
        await StateCloner.ExpandAsync(Path.Combine(stack, "terraform.tfstate"), resources, cancellationToken);
        foreach (string[] git in (string[][])[["init", "-q", "-b", "main"], ["add", "-A"], ["-c", "user.name=bench", "-c", "user.email=bench@example.test", "commit", "-q", "-m", "stack"]])
        {
            await Cli.Wrap("git").WithArguments(git).WithWorkingDirectory(cache).ExecuteAsync(cancellationToken);
        }

        await File.WriteAllTextAsync(Path.Combine(cache, ".ready"), "ok\n", cancellationToken);
        return stack;
    }

    private static async Task TerraformAsync(string stack, CancellationToken cancellationToken, params string[] arguments)
    {
        CommandResult result = await Cli.Wrap("terraform")
            .WithArguments(arguments)
            .WithWorkingDirectory(stack)
            .WithEnvironmentVariables(env => env.Set("TF_IN_AUTOMATION", "1").Set("TF_INPUT", "0").Set("CHECKPOINT_DISABLE", "1").Set("TF_WORKSPACE", "default"))
            .WithStandardOutputPipe(PipeTarget.ToStream(Stream.Null))
            .WithStandardErrorPipe(PipeTarget.ToStream(Stream.Null))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(cancellationToken);
        if (result.ExitCode is not (0 or 2))
        {
            throw new InvalidOperationException($"terraform {string.Join(' ', arguments)} failed with exit code {result.ExitCode}");
        }
    }

    private static double Median(List<double> values)
    {
        List<double> sorted = [.. values.Order()];
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Join(List<double> values) => string.Join(", ", values.Select(static v => v.ToString("0.0", CultureInfo.InvariantCulture)));
}
