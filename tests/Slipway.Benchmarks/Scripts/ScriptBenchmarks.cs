using System.Globalization;
using CliWrap;
using Slipway.BuildTools.Benchmarks;

namespace Slipway.Benchmarks.Scripts;

/// <summary>
/// The whole-process benchmarks, which are shell scripts beside this program (a <c>./build.sh</c> run is a process of its
/// own): each is run with <c>SLIPWAY_BENCHMARK_RESULTS</c> naming a file it appends <c>key value</c> lines to, and its
/// figures are recorded with the goals of the issue that set them. <c>--quick</c>: fewer runs.
/// </summary>
public static class ScriptBenchmarks
{
    public static async Task<int> BootstrapAsync(string[] args)
    {
        IReadOnlyDictionary<string, double> results = await RunScriptAsync("bootstrap-plan.sh", Runs(args, full: 10, quick: 3));
        BenchmarkRecorder.Record(new BenchmarkMeasure
        {
            Name = "bootstrap.plan",
            Title = "warm `./build.sh --plan`",
            Unit = "ms",
            Kind = FigureKind.WholeProcess,
            Samples = (int)results["runs"],
            Value = results["plan_ms"],
            Baseline = results["baseline_ms"],
            BaselineTitle = "`dotnet build` + `dotnet run --no-build -- --plan` (Nuke's bootstrap)",
            Goals = [BenchmarkGoal.AtMost(300), BenchmarkGoal.RatioAtLeast(5)],
        });
        return 0;
    }

    public static async Task<int> ValidateAsync(string[] args)
    {
        IReadOnlyDictionary<string, double> results = await RunScriptAsync("validate.sh", Runs(args, full: 10, quick: 3));
        BenchmarkRecorder.Record(new BenchmarkMeasure
        {
            Name = "validate.process",
            Title = "warm `./build.sh Validate` over the sample environments",
            Unit = "ms",
            Kind = FigureKind.WholeProcess,
            Samples = (int)results["runs"],
            Value = results["validate_ms"],
            Goals = [BenchmarkGoal.AtMost(500)],
        });
        return 0;
    }

    public static async Task<int> DeployStagingAsync(string[] args)
    {
        IReadOnlyDictionary<string, double> results = await RunScriptAsync("deploy-staging.sh", Runs(args, full: 5, quick: 1));
        int runs = (int)results["runs"];
        BenchmarkRecorder.Record(new BenchmarkMeasure
        {
            Name = "deploy-staging.unchanged",
            Title = "warm `./build.sh DeployStaging` end to end incl. terraform, nothing to change",
            Unit = "ms",
            Kind = FigureKind.WholeProcess,
            Samples = runs,
            Value = results["unchanged_ms"],
            Baseline = results["baseline_ms"],
            BaselineTitle = "`terraform plan -out` + `terraform apply` of the same stack by hand",
            Goals = [BenchmarkGoal.AtMost(10_000)],
            Note = "the ratio is below 1: terraform by hand does only part of a deploy",
        });
        BenchmarkRecorder.Record(new BenchmarkMeasure
        {
            Name = "deploy-staging.new-tag",
            Title = "warm `./build.sh DeployStaging` deploying a new web tag each run",
            Unit = "ms",
            Kind = FigureKind.WholeProcess,
            Samples = runs,
            Value = results["new_tag_ms"],
            Goals = [BenchmarkGoal.AtMost(10_000)],
        });
        return 0;
    }

    public static async Task<int> RollbackAsync(string[] args)
    {
        IReadOnlyDictionary<string, double> results = await RunScriptAsync("rollback.sh", Runs(args, full: 3, quick: 1));
        foreach ((string name, string title, string key) in new[]
        {
            ("rollback.tag", "warm `./build.sh Rollback --tag GOOD1 --yes` from GOOD2 on the local cluster, Verify and release record included", "rollback_ms"),
            ("rollback.after-failed-deploy", "the same Rollback right after a deploy of a never-published tag failed Verify", "after_failed_ms"),
        })
        {
            BenchmarkRecorder.Record(new BenchmarkMeasure
            {
                Name = name,
                Title = title,
                Unit = "ms",
                Kind = FigureKind.WholeProcess,
                Samples = (int)results["runs"],
                Value = results[key],
                Baseline = results["baseline_ms"],
                BaselineTitle = "warm `./build.sh SyncApps Verify --app web --tag GOOD1` from GOOD2 (the same change as a deploy)",
                Goals = [BenchmarkGoal.AtMost(5_000)],
            });
        }

        return 0;
    }

    private static int Runs(string[] args, int full, int quick)
        => args.FirstOrDefault(static a => !a.StartsWith("--", StringComparison.Ordinal)) is { } runs
            ? int.Parse(runs, CultureInfo.InvariantCulture)
            : args.Contains("--quick") ? quick : full;

    /// <summary>Runs the script (output passed through) and reads the <c>key value</c> lines it wrote.</summary>
    private static async Task<IReadOnlyDictionary<string, double>> RunScriptAsync(string script, int runs)
    {
        string root = RepositoryRoot.Find();
        if (root.Length == 0)
        {
            throw new InvalidOperationException("Run the script benchmarks from inside the repository (no Slipway.sln above the working directory).");
        }

        string results = Path.Combine(Path.GetTempPath(), $"slipway-benchmark-{Guid.NewGuid():N}.txt");
        try
        {
            await Cli.Wrap("bash")
                .WithArguments([Path.Combine(root, "tests", "Slipway.Benchmarks", script), runs.ToString(CultureInfo.InvariantCulture)])
                .WithWorkingDirectory(root)
                .WithEnvironmentVariables(new Dictionary<string, string?> { ["SLIPWAY_BENCHMARK_RESULTS"] = results })
                .WithStandardOutputPipe(PipeTarget.ToDelegate(Console.WriteLine))
                .WithStandardErrorPipe(PipeTarget.ToDelegate(Console.Error.WriteLine))
                .ExecuteAsync();
            return File.ReadLines(results)
                .Select(static line => line.Split(' ', 2))
                .ToDictionary(static p => p[0], static p => double.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        }
        finally
        {
            File.Delete(results);
        }
    }
}
