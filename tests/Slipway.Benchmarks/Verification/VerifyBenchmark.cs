using System.Diagnostics;
using System.Globalization;
using k8s;
using k8s.Models;
using Slipway.BuildTools.Benchmarks;
using Slipway.Cluster;
using Slipway.LocalCluster.Hosting;
using Slipway.Verification;

namespace Slipway.Benchmarks.Verification;

/// <summary>
/// Issue 7's speed check: one full Verify (<see cref="RolloutVerifier.VerifyAsync"/> through <see cref="KubernetesCluster"/>
/// over HTTP) of 2,000 ready Deployments and 10,000 Running pods in 10 namespaces of the local cluster (no controllers: the
/// store is filled directly). Budget: 1 s. To show where the time goes it also times reading the snapshot alone, evaluating
/// it alone, the floor — fetching the same lists as raw bytes with one HttpClient — and, for comparison, the lists
/// deserialized whole by KubernetesClient's generated calls (how Verify read them before).
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

            const string Title = "full Verify over HTTP (everything ready)";
            if (BenchmarkRecorder.FirstCall)
            {
                var first = Stopwatch.StartNew();
                await verifier.VerifyAsync(options, new SilentProgress(), CancellationToken.None);
                BenchmarkRecorder.RecordFirstCall("verify.full", Title, first.Elapsed.TotalMilliseconds);
                return 0;
            }

            ClusterSnapshot? kept = null;
            using var http = new HttpClient { BaseAddress = handle.BaseAddress };
            using var client = new Kubernetes(new KubernetesClientConfiguration { Host = handle.BaseAddress.ToString() });
            long bytes = 0;
            // Interleaved rounds (one of each per round), so a shared machine's load and the JIT's tiering weigh on all alike;
            // the first round is the cold one (Verify goes first, so its first figure includes the JIT of the read path).
            Sample[] samples = await MeasureInterleavedAsync(
                runs,
                async () => (await verifier.VerifyAsync(options, new SilentProgress(), CancellationToken.None)).Checks.Count,
                async () =>
                {
                    kept = await verifier.ReadSnapshotAsync(options, CancellationToken.None);
                    return kept.Pods.Count;
                },
                () => Task.FromResult(VerificationReport.Evaluate(kept!).Checks.Count), // the snapshot just read
                async () =>
                {
                    bytes = await RawListsAsync(http, namespaces);
                    return 0;
                },
                async () => await ListWholeAsync(client, namespaces));
            (Sample verify, Sample read, Sample evaluate, Sample raw, Sample whole) = (samples[0], samples[1], samples[2], samples[3], samples[4]);

            Console.WriteLine($"Verify: full VerifyAsync (everything ready, {verify.Result} checks): {verify} (budget {BudgetMilliseconds} ms)");
            Console.WriteLine($"Verify:   ReadSnapshotAsync alone ({1 + (3 * namespaces.Count)} list calls over HTTP): {read}");
            Console.WriteLine($"Verify:   VerificationReport.Evaluate alone: {evaluate}");
            Console.WriteLine($"Verify:   floor: the same lists as raw bytes over one HttpClient ({bytes / 1024.0 / 1024.0:0.0} MiB): {raw}");
            Console.WriteLine($"Verify:   before: the same lists deserialized whole by KubernetesClient's generated List…Async: {whole}");
            BenchmarkRecorder.Record(new BenchmarkMeasure
            {
                Name = "verify.full",
                Title = $"{Title}: {created:N0} Deployments, {pods:N0} pods, {releases} HelmReleases, 3 nodes",
                Unit = "ms",
                Value = verify.First,
                Warm = verify.WarmMedian,
                Goals = [BenchmarkGoal.AtMost(BudgetMilliseconds)],
            });
            BenchmarkRecorder.Record(new BenchmarkMeasure
            {
                Name = "verify.read",
                Title = $"of which: reading the snapshot ({1 + (3 * namespaces.Count)} list calls over HTTP)",
                Unit = "ms",
                Kind = FigureKind.InProcess,
                Value = read.WarmMedian,
                Baseline = whole.WarmMedian,
                BaselineTitle = "the same lists through KubernetesClient's generated `List…Async` (before)",
            });
            BenchmarkRecorder.Record(new BenchmarkMeasure { Name = "verify.evaluate", Title = "of which: evaluating the snapshot", Unit = "ms", Kind = FigureKind.InProcess, Value = evaluate.WarmMedian });
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

    /// <summary>The snapshot's lists as Verify read them before it kept only the rollout fields: whole objects, via the generated client calls.</summary>
    private static async Task<int> ListWholeAsync(Kubernetes client, IReadOnlyList<string> namespaces)
    {
        Task<V1NodeList> nodes = client.CoreV1.ListNodeAsync();
        List<Task<V1DeploymentList>> deployments = [.. namespaces.Select(ns => client.AppsV1.ListNamespacedDeploymentAsync(ns))];
        List<Task<V1PodList>> pods = [.. namespaces.Select(ns => client.CoreV1.ListNamespacedPodAsync(ns))];
        await Task.WhenAll([nodes, .. deployments, .. pods]);
        return (await nodes).Items.Count + deployments.Sum(static t => t.Result.Items.Count) + pods.Sum(static t => t.Result.Items.Count);
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

    /// <summary>
    /// Runs each action once cold and then <paramref name="runs"/> times warm, one of each per round: wall time, and the
    /// process's CPU time (which includes the in-process local cluster serving the lists).
    /// </summary>
    private static async Task<Sample[]> MeasureInterleavedAsync(int runs, params Func<Task<int>>[] actions)
    {
        using var process = Process.GetCurrentProcess();
        List<double>[] wall = [.. actions.Select(static _ => new List<double>())];
        List<double>[] cpu = [.. actions.Select(static _ => new List<double>())];
        int[] results = new int[actions.Length];
        for (int run = 0; run <= runs; run++)
        {
            for (int a = 0; a < actions.Length; a++)
            {
                process.Refresh();
                TimeSpan cpuBefore = process.TotalProcessorTime;
                var stopwatch = Stopwatch.StartNew();
                results[a] = await actions[a]();
                wall[a].Add(stopwatch.Elapsed.TotalMilliseconds);
                process.Refresh();
                cpu[a].Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            }
        }

        return [.. actions.Select((_, a) => new Sample(wall[a][0], Median(wall[a].Skip(1)), Median(cpu[a].Skip(1)), [.. wall[a].Skip(1)], results[a]))];
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
