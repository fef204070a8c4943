using System.Diagnostics;
using System.Globalization;
using Slipway.BuildTools.Benchmarks;
using Slipway.Freezing;
using Slipway.Freezing.Charts;
using Slipway.Freezing.Images;

namespace Slipway.Benchmarks.Freezing;

/// <summary>
/// Issue 14's speed check: what a freeze resolves — 50 chart ranges against one Helm repository whose <c>index.yaml</c> has
/// 5,000 entries (50 charts × 100 versions, 1 in 10 a pre-release) and 50 image tags to digests (<c>HEAD</c> manifests) —
/// against an in-process server on 127.0.0.1, all requests in parallel, the index fetched once (fresh resolvers each run, so
/// each run fetches and parses it). Goal: at most 1 s. Baseline in the same run: the same 100 resolutions one after the
/// other with a fresh chart resolver per chart (the index fetched and parsed 50 times), as a loop over the entries without
/// the shared index would do. Arguments: [--runs N] [--charts N] [--versions N] [--images N] [--quick].
/// </summary>
public static class FreezeBenchmark
{
    public const int BudgetMilliseconds = 1000;
    private const string MeasureName = "freeze.resolve";

    private static readonly string[] s_ranges = ["^2.1.0", "~3.2.1", "4.x", ">=1.2 <3", "1.3.x || 2.4.x", "*", "1.2 - 3.1", "2.2.2", "~0.4", ">=3.0.0-0 <3.1"];

    public static async Task<int> RunAsync(string[] args)
    {
        bool quick = args.Contains("--quick");
        int runs = BenchmarkArguments.Int(args, "--runs", quick ? 3 : 9);
        int charts = BenchmarkArguments.Int(args, "--charts", 50);
        int versions = BenchmarkArguments.Int(args, "--versions", 100); // the ranges need 0.x to 4.x
        int images = BenchmarkArguments.Int(args, "--images", 50);
        await using FreezeServer server = await FreezeServer.StartAsync(charts, versions);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        ChartRequest[] chartRequests = [.. Enumerable.Range(0, charts).Select(c => new ChartRequest(FreezeServer.ChartName(c), server.BaseAddress + "stable", s_ranges[c % s_ranges.Length]))];
        ImageRequest[] imageRequests = [.. Enumerable.Range(0, images).Select(i => new ImageRequest($"registry.example.com/team-{i % 10}/app-{i}", $"production-{40000 + i}"))];
        var mirrors = new MirrorMap([new("registry.example.com/", server.BaseAddress)]);
        string title = $"freeze: {charts} chart ranges against an index.yaml of {charts * versions:N0} entries ({server.IndexBytes / 1024.0 / 1024.0:0.0} MB) + {images} image digests, in parallel, index fetched once";
        Console.WriteLine($"Freeze: serving {charts * versions:N0} index entries ({server.IndexBytes:N0} bytes) and {images} manifests at {server.BaseAddress}");

        // The server's own first request (Kestrel's JIT) is not the freeze's: one untimed request to an unrelated path.
        using (HttpResponseMessage _ = await client.GetAsync(new Uri(server.BaseAddress, "warm-up")))
        {
        }

        if (BenchmarkRecorder.FirstCall)
        {
            var first = Stopwatch.StartNew();
            await ParallelAsync(client, mirrors, chartRequests, imageRequests);
            BenchmarkRecorder.RecordFirstCall(MeasureName, title, first.Elapsed.TotalMilliseconds);
            return 0;
        }

        var parallel = new List<double>();
        var sequential = new List<double>();
        for (int run = 0; run <= runs; run++)
        {
            server.ResetCounts();
            var stopwatch = Stopwatch.StartNew();
            int resolved = await ParallelAsync(client, mirrors, chartRequests, imageRequests);
            parallel.Add(stopwatch.Elapsed.TotalMilliseconds);
            int fetches = server.Requests("/stable/index.yaml");
            if (fetches != 1 || resolved != charts + images)
            {
                Console.WriteLine($"Freeze: WRONG: {resolved} resolved, index fetched {fetches} times in one parallel run");
                return 1;
            }

            stopwatch.Restart();
            await SequentialAsync(client, mirrors, chartRequests, imageRequests);
            sequential.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"Freeze: parallel, index once: first {parallel[0]:0} ms, warm median {Median(parallel.Skip(1)):0} ms ({Joined(parallel.Skip(1))})");
        Console.WriteLine($"Freeze: baseline, sequential, index per chart: first {sequential[0]:0} ms, warm median {Median(sequential.Skip(1)):0} ms ({Joined(sequential.Skip(1))})");
        BenchmarkRecorder.Record(new BenchmarkMeasure
        {
            Name = MeasureName,
            Title = title,
            Unit = "ms",
            Value = parallel[0],
            Warm = Median(parallel.Skip(1)),
            Baseline = Median(sequential.Skip(1)),
            BaselineTitle = "the same resolutions one after the other, a fresh chart resolver (index fetch and parse) per chart, warm",
            Goals = [BenchmarkGoal.AtMost(BudgetMilliseconds)],
        });
        return 0;
    }

    /// <summary>Fresh resolvers (so the index is fetched and parsed once, inside the figure), every request at once.</summary>
    private static async Task<int> ParallelAsync(HttpClient client, MirrorMap mirrors, ChartRequest[] charts, ImageRequest[] images)
    {
        var chartResolver = new HelmChartResolver(client, mirrors);
        var imageResolver = new OciImageResolver(client, mirrors);
        Task<ResolvedChart>[] chartTasks = [.. charts.Select(c => chartResolver.ResolveAsync(c, CancellationToken.None))];
        Task<ResolvedImage>[] imageTasks = [.. images.Select(i => imageResolver.ResolveAsync(i, CancellationToken.None))];
        await Task.WhenAll([.. chartTasks, .. imageTasks]);
        return chartTasks.Length + imageTasks.Length;
    }

    private static async Task SequentialAsync(HttpClient client, MirrorMap mirrors, ChartRequest[] charts, ImageRequest[] images)
    {
        foreach (ChartRequest chart in charts)
        {
            await new HelmChartResolver(client, mirrors).ResolveAsync(chart, CancellationToken.None);
        }

        var imageResolver = new OciImageResolver(client, mirrors);
        foreach (ImageRequest image in images)
        {
            await imageResolver.ResolveAsync(image, CancellationToken.None);
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = [.. values.Order()];
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Joined(IEnumerable<double> values) => string.Join(", ", values.Select(static v => v.ToString("0", CultureInfo.InvariantCulture)));
}
