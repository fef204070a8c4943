using System.Diagnostics;
using Slipway.BuildTools.Benchmarks;
using Slipway.Cluster.Connection;
using Slipway.Delivery;
using Slipway.Environments;
using Slipway.Hosting;
using Slipway.LocalCluster.Hosting;

namespace Slipway.Benchmarks.Delivery;

/// <summary>
/// Issue 12's speed check: on the local cluster, how long a good tag takes to go live (SyncApps + Verify, in process)
/// right after a deploy of a tag the image catalogue does not have failed — the failed upgrade still pending, the
/// HelmRelease not Ready — against, in the same run, a normal redeploy of a good tag after a good one. Goal: ≤ 10 s.
/// Each round: a good redeploy (the baseline), a bad tag (not timed; Verify fails after its 2 s fail-fast), a good tag.
/// Arguments: [--quick] (fewer rounds) [--rounds N].
/// </summary>
public static class RedeployBenchmark
{
    public const int GoalMilliseconds = 10_000;
    private const string Environment = "redeploy";

    public static async Task<int> RunAsync(string[] args)
    {
        bool quick = args.Contains("--quick");
        int rounds = BenchmarkArguments.Int(args, "--rounds", quick ? 2 : 5);
        string repository = RepositoryRoot.Find();
        if (repository.Length == 0)
        {
            Console.Error.WriteLine("redeploy: run it inside the repository (it copies environments/ and local-cluster/charts/).");
            return 2;
        }

        string root = Path.Combine(Path.GetTempPath(), "slipway-redeploy-bench-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Prepare(repository, root);
            string[] images = ["registry.local/web:r-1", "registry.local/web:r-2", "registry.local/web:r-3"];
            await using LocalClusterHandle cluster = await LocalClusterHost.StartAsync(
                LocalClusterStarter.OptionsFor(new LocalClusterStartRequest(new SlipwayPaths(root).LocalCluster, Environment, images)), CancellationToken.None);
            var run = new Runner(root);
            await run.DeployAsync(platform: true, "r-2");
            if (BenchmarkRecorder.FirstCall)
            {
                await run.FailAsync("r-9");
                BenchmarkRecorder.RecordFirstCall("redeploy.after-failure", "good tag live after a failed deploy (SyncApps + Verify)", await run.DeployAsync(platform: false, "r-3"));
                return 0;
            }

            var normal = new List<double>();
            var afterFailure = new List<double>();
            string current = "r-2";
            for (int round = 0; round < rounds; round++)
            {
                current = current == "r-2" ? "r-3" : "r-2"; // every deploy changes the tag
                normal.Add(await run.DeployAsync(platform: false, current));
                await run.FailAsync("r-9");
                current = current == "r-2" ? "r-3" : "r-2";
                afterFailure.Add(await run.DeployAsync(platform: false, current));
                Console.WriteLine($"redeploy: round {round + 1}: normal redeploy {normal[^1]:0} ms, good tag after a failed deploy {afterFailure[^1]:0} ms");
            }

            double warm = Median(afterFailure.Skip(1).DefaultIfEmpty(afterFailure[0]));
            double baseline = Median(normal.Skip(1).DefaultIfEmpty(normal[0]));
            BenchmarkRecorder.Record(new BenchmarkMeasure
            {
                Name = "redeploy.after-failure",
                Title = "good tag live after a failed deploy (SyncApps + Verify on the local cluster)",
                Unit = "ms",
                Value = afterFailure[0],
                Warm = warm,
                Baseline = baseline,
                BaselineTitle = "a normal redeploy of a good tag after a good one, same run (warm median)",
                Goals = [BenchmarkGoal.AtMost(GoalMilliseconds)],
            });
            Console.WriteLine($"redeploy: good tag after a failed deploy: first {afterFailure[0]:0} ms, warm median {warm:0} ms (goal <= {GoalMilliseconds} ms); normal redeploy warm median {baseline:0} ms");
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>The repository's environments and chart mirror, and an environment on the local cluster without automatic rollback.</summary>
    private static void Prepare(string repository, string root)
    {
        foreach (string folder in new[] { "environments", Path.Combine("local-cluster", "charts") })
        {
            foreach (string file in Directory.EnumerateFiles(Path.Combine(repository, folder), "*", SearchOption.AllDirectories))
            {
                string target = Path.Combine(root, folder, Path.GetRelativePath(Path.Combine(repository, folder), file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        Directory.CreateDirectory(Path.Combine(root, "environments", Environment));
        File.WriteAllText(Path.Combine(root, "environments", Environment, "env.yaml"), """
            extends: [base]
            description: Redeploy benchmark
            cluster:
              local: true
            infrastructure: null
            apps:
              web:
                tag: r-1
                replicas: 1
                namespace: redeploy-web
            verify:
              timeout: 60s
              interval: 1s
            rollback:
              auto: false

            """);
    }

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = [.. values.Order()];
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Deliveries of the benchmark's environment, each as one <c>./build.sh</c> run opens it.</summary>
    private sealed class Runner(string root)
    {
        private readonly Dictionary<string, string> _variables = new() { [EnvironmentDelivery.FailFastVariable] = "2s" };

        /// <summary>SyncApps web at <paramref name="tag"/> (after DeployPlatform when asked) and Verify; milliseconds from the push to live.</summary>
        public async Task<double> DeployAsync(bool platform, string tag)
        {
            using var http = new HttpClient();
            await using EnvironmentDelivery delivery = await OpenAsync();
            if (platform)
            {
                await delivery.DeployPlatformAsync(CancellationToken.None);
            }

            var clock = Stopwatch.StartNew();
            await delivery.SyncAppsAsync("web", tag, CancellationToken.None);
            await delivery.VerifyDeployAsync(new Verification.SilentProgress(), http, CancellationToken.None);
            return clock.Elapsed.TotalMilliseconds;
        }

        public async Task FailAsync(string tag)
        {
            using var http = new HttpClient();
            await using EnvironmentDelivery delivery = await OpenAsync();
            await delivery.SyncAppsAsync("web", tag, CancellationToken.None);
            try
            {
                await delivery.VerifyDeployAsync(new Verification.SilentProgress(), http, CancellationToken.None);
                throw new InvalidOperationException($"redeploy: the bad tag {tag} went live; the benchmark measures nothing.");
            }
            catch (SlipwayException failed) when (failed.Kind == FailureKind.Failed)
            {
            }
        }

        private async Task<EnvironmentDelivery> OpenAsync()
        {
            EnvironmentCatalog catalog = await EnvironmentCatalog.LoadAsync(root, CancellationToken.None);
            var context = new DeliveryContext(root, new DictionaryEnvironmentVariables(_variables), TimeProvider.System, NullLog.Instance, new LocalClusterStarter())
            {
                SyncTimeout = TimeSpan.FromSeconds(60),
            };
            return EnvironmentDelivery.Open(context, catalog, Environment);
        }
    }
}
