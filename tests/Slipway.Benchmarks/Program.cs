using Slipway.Benchmarks.Environments;
using Slipway.Benchmarks.GitOps;
using Slipway.Benchmarks.Infrastructure;
using Slipway.Benchmarks.LocalCluster;
using Slipway.Benchmarks.LocalCluster.Controllers;
using Slipway.Benchmarks.Releases;
using Slipway.Benchmarks.Verification;

namespace Slipway.Benchmarks;

/// <summary>
/// Runs one benchmark by name: <c>dotnet run -c Release --project tests/Slipway.Benchmarks -- NAME [args]</c>.
/// Each prints its figures and, where the issue asks for a ratio, the baseline measured in the same run.
/// Whole-process timings (the bootstrap) are scripts beside this file.
/// </summary>
public static class Program
{
    private static readonly Dictionary<string, (string Description, Func<string[], Task<int>> Run)> s_benchmarks = new(StringComparer.OrdinalIgnoreCase)
    {
        ["environments"] = ("load+merge+validate 200 environments of ~1,000 keys (budget 200 ms) [ENVIRONMENTS [RUNS]] [--quick]", EnvironmentsBenchmark.RunAsync),
        ["infra"] = ("classify a 20,000-resource plan vs jq (made once by terraform, cached) [--resources N] [--runs N] [--cache DIR] [--quick]", PlanClassificationBenchmark.RunAsync),
        ["planinfra"] = ("PlanInfra end to end vs terraform plan -out alone on a 20,000-resource stack (goal <= 5% more) [--resources N] [--rounds N] [--cache DIR]", PlanInfraBenchmark.RunAsync),
        ["local-cluster"] = ("local cluster start, creates/s, list 10,000 pods [--quick]", LocalClusterBenchmark.RunAsync),
        ["controllers"] = ("local cluster controllers: create -> Available, GitOps change -> applied [--quick]", LocalClusterControllersBenchmark.RunAsync),
        ["gitops"] = ("YAML splice vs YamlDotNet round trip; SyncApps push to a local bare remote [ITERATIONS] [--quick]", GitOpsBenchmark.RunAsync),
        ["history"] = ("find the commit that set a tag in 50,000 commits vs git log -- path and QueryBy(path); History as a process [--commits N] [--changes N] [--cache DIR] [--quick]", HistoryBenchmark.RunAsync),
        ["verify"] = ("Verify 2,000 Deployments and 10,000 pods on the local cluster (budget 1 s) [--runs N] [--quick]", VerifyBenchmark.RunAsync),
    };

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || !s_benchmarks.TryGetValue(args[0], out var benchmark))
        {
            Console.WriteLine("Usage: dotnet run -c Release --project tests/Slipway.Benchmarks -- NAME [args]");
            Console.WriteLine("Benchmarks:");
            foreach ((string name, (string description, _)) in s_benchmarks)
            {
                Console.WriteLine($"  {name,-22} {description}");
            }

            Console.WriteLine("  (bootstrap: tests/Slipway.Benchmarks/bootstrap-plan.sh; deploy: tests/Slipway.Benchmarks/deploy-staging.sh)");
            Console.WriteLine("  --quick: a smaller or shorter setup where the full one is long (figures not comparable with the goals)");
            return args.Length == 0 ? 0 : 2;
        }

        return await benchmark.Run(args[1..]);
    }
}
