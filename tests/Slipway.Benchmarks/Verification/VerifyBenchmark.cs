using System.Diagnostics;
using System.Globalization;
using Slipway.Cluster;
using Slipway.LocalCluster.Hosting;
using Slipway.Verification;

namespace Slipway.Benchmarks.Verification;

/// <summary>
/// Issue 7's speed check: one full Verify (<see cref="RolloutVerifier.VerifyAsync"/> through <see cref="KubernetesCluster"/>
/// over HTTP) of 2,000 ready Deployments and 10,000 Running pods in 10 namespaces of the local cluster (no controllers: the
/// store is filled directly). Budget: 1 s. To show where the time goes it also times reading the snapshot alone, evaluating
/// it alone, and — the floor — fetching the same lists as raw bytes with one HttpClient.
/// Arguments: [--quick] (fewer runs) [--runs N] [--deployments N] [--pods-per-deployment N] [--namespaces N].
/// </summary>
public static class VerifyBenchmark
{
    public const int BudgetMilliseconds = 1000;

    public static async Task<int> RunAsync(string[] args)
    {
        bool quick = args.Contains("--quick");
        int runs = BenchmarkArguments.Int(args, "--runs", quick ? 3 : 7);
        int deployments = BenchmarkArguments.Int(args, "--deployments", 2000);
        int podsPerDeployment = BenchmarkArguments.Int(args, "--pods-per-deployment", 5);
        IReadOnlyList<string> namespaces = VerifyClusterContent.Namespaces(BenchmarkArguments.Int(args, "--namespaces", 10));
        string root = Path.Combine(Path.GetTempPath(), "slipway-verify-bench-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await using LocalClusterHandle handle = await LocalClusterHost.StartAsync(
                new LocalClusterOptions { StateDirectory = root, SaveDelay = TimeSpan.FromHours(1) }, CancellationToken.None);
            var fill = Stopwatch.StartNew();
            (int created, int pods, int releases) = VerifyClusterContent.Fill(handle.Store!, namespaces, nodes: 3, deployments, podsPerDeployment);
            Console.WriteLine($"Verify: local cluster filled in {fill.Elapsed.TotalSeconds:0.0} s: 3 nodes, {created} ready Deployments, {pods} Running pods, {releases} Ready HelmReleases in {namespaces.Count} namespaces");

            using var cluster = new KubernetesCluster(ClusterTarget.ForUrl(handle.BaseAddress, handle.KubeconfigPath));
            using var probes = new HttpClient();
            var verifier = new RolloutVerifier(cluster, new EndpointProber(probes), TimeProvider.System);
            var options = new VerifyOptions { Namespaces = namespaces, Timeout = TimeSpan.FromMinutes(2) };

            Sample verify = await MeasureAsync(runs, async () =>
            {
                VerificationReport report = await verifier.VerifyAsync(options, new SilentProgress(), CancellationToken.None);
                return report.Checks.Count;
            });
            Sample read = await MeasureAsync(runs, async () =>
            {
                ClusterSnapshot snapshot = await verifier.ReadSnapshotAsync(options, CancellationToken.None);
                return snapshot.Pods.Count;
            });
            ClusterSnapshot kept = await verifier.ReadSnapshotAsync(options, CancellationToken.None);
            Sample evaluate = await MeasureAsync(runs, () => Task.FromResult(VerificationReport.Evaluate(kept).Checks.Count));
            using var http = new HttpClient { BaseAddress = handle.BaseAddress };
            long bytes = 0;
            Sample raw = await MeasureAsync(runs, async () =>
            {
                bytes = await RawListsAsync(http, namespaces);
                return 0;
            });

            Console.WriteLine($"Verify: full VerifyAsync (everything ready, {verify.Result} checks): {verify} (budget {BudgetMilliseconds} ms)");
            Console.WriteLine($"Verify:   ReadSnapshotAsync alone (KubernetesClient, {1 + (3 * namespaces.Count)} list calls): {read}");
            Console.WriteLine($"Verify:   VerificationReport.Evaluate alone: {evaluate}");
            Console.WriteLine($"Verify:   floor: the same lists as raw bytes over one HttpClient ({bytes / 1024.0 / 1024.0:0.0} MiB): {raw}");
            Console.WriteLine(verify.WarmMedian <= BudgetMilliseconds
                ? $"Verify: within budget ({verify.WarmMedian:0} ms <= {BudgetMilliseconds} ms)"
                : $"Verify: OVER BUDGET ({verify.WarmMedian:0} ms > {BudgetMilliseconds} ms)");
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

    private static async Task<long> RawListsAsync(HttpClient http, IReadOnlyList<string> namespaces)
    {
        var paths = new List<string> { "/api/v1/nodes" };
        foreach (string ns in namespaces)
        {
            paths.Add($"/apis/apps/v1/namespaces/{ns}/deployments");
            paths.Add($"/api/v1/namespaces/{ns}/pods");
            paths.Add($"/apis/helm.toolkit.fluxcd.io/v2/namespaces/{ns}/helmreleases");
        }

        byte[][] bodies = await Task.WhenAll(paths.Select(p => http.GetByteArrayAsync(new Uri(p, UriKind.Relative))));
        return bodies.Sum(static b => (long)b.Length);
    }

    /// <summary>Runs <paramref name="action"/> once cold and <paramref name="runs"/> times warm: wall and CPU time of each.</summary>
    private static async Task<Sample> MeasureAsync(int runs, Func<Task<int>> action)
    {
        using var process = Process.GetCurrentProcess();
        var wall = new List<double>();
        var cpu = new List<double>();
        int result = 0;
        for (int run = 0; run <= runs; run++)
        {
            process.Refresh();
            TimeSpan cpuBefore = process.TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            result = await action();
            wall.Add(stopwatch.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }

        return new Sample(wall[0], Median(wall.Skip(1)), Median(cpu.Skip(1)), [.. wall.Skip(1)], result);
    }

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = [.. values.Order()];
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private sealed record Sample(double First, double WarmMedian, double CpuMedian, double[] Warm, int Result)
    {
        public override string ToString()
            => string.Create(CultureInfo.InvariantCulture, $"first {First:0} ms, warm median {WarmMedian:0} ms of {Warm.Length} ({string.Join(", ", Warm.Select(static w => w.ToString("0", CultureInfo.InvariantCulture)))}), CPU median {CpuMedian:0} ms");
    }
}
