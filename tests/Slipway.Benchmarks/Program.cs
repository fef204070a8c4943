using Slipway.Benchmarks.Delivery;
using Slipway.Benchmarks.Environments;
using Slipway.Benchmarks.Freezing;
using Slipway.Benchmarks.GitOps;
using Slipway.Benchmarks.Infrastructure;
using Slipway.Benchmarks.LocalCluster;
using Slipway.Benchmarks.LocalCluster.Controllers;
using Slipway.Benchmarks.Releases;
using Slipway.Benchmarks.Scripts;
using Slipway.Benchmarks.Verification;
using Slipway.BuildTools.Benchmarks;

namespace Slipway.Benchmarks;

/// <summary>
/// Runs one benchmark by name: <c>dotnet run -c Release --project tests/Slipway.Benchmarks -- NAME [args]</c>, or all of
/// them through <c>./build.sh Benchmark</c>, which lists them with <c>--list</c>, runs each with <c>--json FILE</c> (its
/// figures, machine-readable) and again with <c>--first-call</c> in fresh processes. Each prints its figures and, where the
/// issue asks for a ratio, the baseline measured in the same run.
/// </summary>
public static class Program
{
    private static readonly BenchmarkEntry[] s_benchmarks =
    [
        new("bootstrap", 3, "the bootstrap: warm ./build.sh --plan vs dotnet build + dotnet run", "[RUNS] (bootstrap-plan.sh)", ScriptBenchmarks.BootstrapAsync),
        new("validate", 4, "warm ./build.sh Validate over the sample environments, whole process", "[RUNS] (validate.sh)", ScriptBenchmarks.ValidateAsync),
        new("environments", 4, "load+merge+validate 200 environments of ~1,000 keys (budget 200 ms)", "[ENVIRONMENTS [RUNS]] [--quick]", EnvironmentsBenchmark.RunAsync, hasFirstCall: true),
        new("infra", 5, "classify a 20,000-resource plan vs jq (made once by terraform, cached)", "[--resources N] [--runs N] [--cache DIR] [--quick]", PlanClassificationBenchmark.RunAsync, hasFirstCall: true),
        new("planinfra", 11, "PlanInfra end to end vs terraform plan -out alone on a 20,000-resource stack (goal <= 5% more)", "[--resources N] [--rounds N] [--cache DIR]", PlanInfraBenchmark.RunAsync),
        new("local-cluster", 6, "local cluster start, creates/s, list 10,000 pods", "[--quick]", LocalClusterBenchmark.RunAsync, hasFirstCall: true),
        new("local-clusters", 12, "three local environments' clusters: start together (budget 300 ms), creates/s and list 10,000 pods per cluster", "[--quick]", LocalClustersBenchmark.RunAsync, hasFirstCall: true),
        new("controllers", 6, "local cluster controllers: create -> Available, GitOps change -> applied", "[--quick]", LocalClusterControllersBenchmark.RunAsync),
        new("gitops", 7, "YAML splice vs YamlDotNet round trip; SyncApps push to a local bare remote", "[ITERATIONS] [--quick]", GitOpsBenchmark.RunAsync),
        new("history", 13, "find the commit that set a tag in 50,000 commits vs git log -- path and QueryBy(path); History as a process", "[--commits N] [--changes N] [--cache DIR] [--quick]", HistoryBenchmark.RunAsync),
        new("rollback", 13, "warm ./build.sh Rollback --tag end to end on the local cluster (and right after a failed deploy) vs SyncApps Verify of the same tag", "[RUNS] (rollback.sh)", ScriptBenchmarks.RollbackAsync),
        new("verify", 7, "Verify 2,000 Deployments and 10,000 pods on the local cluster (budget 1 s)", "[--runs N] [--quick]", VerifyBenchmark.RunAsync, hasFirstCall: true),
        new("redeploy", 12, "a good tag live after a failed deploy on the local cluster vs a normal redeploy (goal <= 10 s)", "[--rounds N] [--quick]", RedeployBenchmark.RunAsync, hasFirstCall: true),
        new("freeze", 14, "freeze: 50 chart ranges against a 5,000-entry index.yaml and 50 image digests, in parallel, index fetched once (budget 1 s)", "[--runs N] [--charts N] [--versions N] [--images N] [--quick]", FreezeBenchmark.RunAsync, hasFirstCall: true),
        new("deploy-staging", 7, "warm ./build.sh DeployStaging end to end vs terraform plan + apply by hand", "[RUNS] (deploy-staging.sh)", ScriptBenchmarks.DeployStagingAsync),
    ];

    public static async Task<int> Main(string[] args)
    {
        if (args is ["--list"])
        {
            Console.WriteLine(BenchmarkJson.Serialize(s_benchmarks.Select(static b => b.Definition)));
            return 0;
        }

        BenchmarkEntry? benchmark = args.Length == 0 ? null : s_benchmarks.FirstOrDefault(b => string.Equals(b.Name, args[0], StringComparison.OrdinalIgnoreCase));
        if (benchmark is null)
        {
            return Usage(args);
        }

        string? json = BenchmarkArguments.Option(args, "--json");
        BenchmarkRecorder.FirstCall = args.Contains("--first-call");
        string[] own = [.. args[1..].Where((arg, i) => arg != "--first-call" && arg != "--json" && (i == 0 || args[i] != "--json"))];
        DateTimeOffset started = DateTimeOffset.UtcNow;
        int exitCode = await benchmark.Run(own);
        if (json is not null)
        {
            await BenchmarkJson.WriteAsync(
                json,
                new BenchmarkResult
                {
                    Benchmark = benchmark.Name,
                    Issue = benchmark.Definition.Issue,
                    Title = benchmark.Definition.Title,
                    MeasuredAt = started,
                    Seconds = (DateTimeOffset.UtcNow - started).TotalSeconds,
                    Quick = own.Contains("--quick"),
                    Measures = BenchmarkRecorder.Measures,
                },
                CancellationToken.None);
        }

        return exitCode;
    }

    private static int Usage(string[] args)
    {
        Console.WriteLine("Usage: dotnet run -c Release --project tests/Slipway.Benchmarks -- NAME [args] [--json FILE] [--first-call]");
        Console.WriteLine("Benchmarks:");
        foreach (BenchmarkEntry entry in s_benchmarks)
        {
            Console.WriteLine($"  {entry.Name,-16} {entry.Definition.Title} {entry.Usage}");
        }

        Console.WriteLine("  --quick: a smaller or shorter setup where the full one is long (figures not comparable with the goals)");
        Console.WriteLine("  --json FILE: write the figures as JSON; --first-call: time only the first call of each first-call measure");
        Console.WriteLine("  all of them, BENCHMARKS.md rewritten: ./build.sh Benchmark [--quick] [--only NAME]");
        return args.Length == 0 ? 0 : 2;
    }
}
