using System.Diagnostics;
using Slipway.BuildTools.Benchmarks;
using Slipway.LocalCluster.Controllers;
using Slipway.LocalCluster.Hosting;

namespace Slipway.Benchmarks.LocalCluster;

/// <summary>
/// One local cluster per environment (issue 12): starting the clusters of three local environments together, as
/// <c>./build.sh LocalCluster</c> does (own state folder, server and controllers each, contexts merged into the one
/// kubeconfig under its lock), first call in a fresh process and warm, against one cluster started alone in the same run.
/// Then, while the three serve, issue 6's figures on each of them in turn: creates/s (raw HTTP, 10,000 pods) and listing
/// 10,000 pods. Targets: three starts ≤ 300 ms in total; per cluster ≥ 1,000 creates/s and list ≤ 150 ms.
/// <c>--quick</c>: 2,000 pods and fewer runs (not comparable with the targets).
/// </summary>
public static class LocalClustersBenchmark
{
    private static readonly string[] s_environments = ["dev", "staging", "aio"];

    public static async Task<int> RunAsync(string[] args)
    {
        bool quick = args.Contains("--quick");
        int podCount = quick ? 2_000 : 10_000;
        int runs = BenchmarkRecorder.FirstCall ? 0 : quick ? 3 : 10;
        string root = Path.Combine(Path.GetTempPath(), "slipway-lcs-bench-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var three = new List<double>();
            var one = new List<double>();
            for (int i = 0; i <= runs; i++)
            {
                three.Add(await StartAsync(Path.Combine(root, $"three-{i}"), s_environments));
                one.Add(await StartAsync(Path.Combine(root, $"one-{i}"), ["staging"]));
            }

            const string StartTitle = "start the clusters of three local environments (together)";
            double warmThree = runs == 0 ? three[0] : LocalClusterBenchmark.Median(three.Skip(1));
            double warmOne = runs == 0 ? one[0] : LocalClusterBenchmark.Median(one.Skip(1));
            Console.WriteLine($"three local clusters start: first {three[0]:0.0} ms, warm median {warmThree:0.0} ms (target <= 300 ms); one cluster alone: first {one[0]:0.0} ms, warm {warmOne:0.0} ms");
            if (BenchmarkRecorder.FirstCall)
            {
                BenchmarkRecorder.RecordFirstCall("local-clusters.start-three", StartTitle, three[0]);
                return 0;
            }

            BenchmarkRecorder.Record(new BenchmarkMeasure
            {
                Name = "local-clusters.start-three",
                Title = StartTitle,
                Unit = "ms",
                Value = three[0],
                Warm = warmThree,
                Baseline = warmOne,
                BaselineTitle = "one cluster started alone (warm), same run",
                Goals = [BenchmarkGoal.AtMost(300)],
            });
            await MeasurePerClusterAsync(Path.Combine(root, "load"), podCount, quick ? 5 : 15);
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

    /// <summary>Starts the clusters of <paramref name="environments"/> in one shared folder together; the time until all listen.</summary>
    private static async Task<double> StartAsync(string shared, IReadOnlyList<string> environments)
    {
        var stopwatch = Stopwatch.StartNew();
        LocalClusterHandle[] clusters = await Task.WhenAll(environments.Select(e => LocalClusterHost.StartAsync(Options(shared, e), CancellationToken.None)));
        double elapsed = stopwatch.Elapsed.TotalMilliseconds;
        await Task.WhenAll(clusters.Select(static c => c.DisposeAsync().AsTask()));
        return elapsed;
    }

    /// <summary>Issue 6's creates/s and list figures on each of three clusters that serve at once (the slowest one recorded).</summary>
    private static async Task MeasurePerClusterAsync(string shared, int podCount, int listRuns)
    {
        // Servers as issue 6 measures them (no controllers: its pods name a Deployment that does not exist, which the
        // deployment controller would delete), three serving at once.
        LocalClusterHandle[] clusters = await Task.WhenAll(s_environments.Select(e => LocalClusterHost.StartAsync(Options(shared, e) with { Controllers = [] }, CancellationToken.None)));
        try
        {
            var rates = new List<double>();
            var lists = new List<double>();
            foreach (LocalClusterHandle cluster in clusters)
            {
                using var http = new HttpClient { BaseAddress = cluster.BaseAddress };
                double rate = await LocalClusterBenchmark.CreatePodsAsync(http, 0, podCount);
                (_, double list, int bytes) = await LocalClusterBenchmark.ListRawAsync(http, listRuns);
                Console.WriteLine($"{cluster.ContextName} (one of three serving): {rate:0} creates/s over {podCount} pods (target >= 1000/s), list {podCount} pods ({bytes / 1024.0 / 1024.0:0.0} MiB) median {list:0.0} ms (target <= 150 ms)");
                rates.Add(rate);
                lists.Add(list);
            }

            BenchmarkRecorder.Record(new BenchmarkMeasure
            {
                Name = "local-clusters.creates",
                Title = $"creates per second on the slowest of three serving clusters, raw HTTP ({podCount:N0} pods each)",
                Unit = "/s",
                Kind = FigureKind.InProcess,
                HigherIsBetter = true,
                Value = rates.Min(),
                Goals = [BenchmarkGoal.AtLeast(1000)],
            });
            BenchmarkRecorder.Record(new BenchmarkMeasure
            {
                Name = "local-clusters.list",
                Title = $"list {podCount:N0} pods on the slowest of three serving clusters (warm median)",
                Unit = "ms",
                Kind = FigureKind.InProcess,
                Value = lists.Max(),
                Goals = [BenchmarkGoal.AtMost(150)],
            });
        }
        finally
        {
            await Task.WhenAll(clusters.Select(static c => c.DisposeAsync().AsTask()));
        }
    }

    /// <summary>An environment's cluster as <c>./build.sh</c> starts it: the shared folder's layout and every controller.</summary>
    private static LocalClusterOptions Options(string shared, string environment)
        => LocalClusterLayout.Options(shared, environment) with { Controllers = LocalClusterControllers.All, SaveDelay = TimeSpan.FromHours(1) };
}
