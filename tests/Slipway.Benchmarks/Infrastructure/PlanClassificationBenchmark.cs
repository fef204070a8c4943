using System.Diagnostics;
using System.Globalization;
using CliWrap;
using Slipway.BuildTools.Benchmarks;
using Slipway.Infrastructure;

namespace Slipway.Benchmarks.Infrastructure;

/// <summary>
/// Classifying the <c>show -json</c> of a 20,000-resource plan: Slipway's streaming classifier against
/// <c>jq '[.resource_changes[] | select(.change.actions | index("delete"))] | length'</c> on the same file,
/// in the same run (interleaved rounds: one jq run, three classifier runs; medians), plus the classifier's managed-memory growth.
/// The plan is made once by real terraform (apply 20,000 terraform_data, then a plan that updates,
/// replaces and deletes some) and cached.
/// Arguments: [--resources N] [--runs N] [--cache DIR] [--quick] (a 2,000-resource plan and 2 rounds: not comparable with the goals).
/// </summary>
public static class PlanClassificationBenchmark
{
    private const string JqFilter = "[.resource_changes[] | select(.change.actions | index(\"delete\"))] | length";

    public static async Task<int> RunAsync(string[] args)
    {
        bool quick = args.Contains("--quick");
        int resources = IntOption(args, "--resources", quick ? 2_000 : 20_000);
        int runs = IntOption(args, "--runs", quick ? 2 : 5);
        string cache = Option(args, "--cache") ?? Path.Combine(Path.GetTempPath(), "slipway-benchmark-cache", $"plan-{resources}");
        string json = await PlanJsonCache.EnsureAsync(cache, resources, CancellationToken.None);
        Console.WriteLine($"Plan JSON: {json} ({new FileInfo(json).Length / 1024.0 / 1024.0:0.0} MB, {resources} resources)");

        string title = $"classify the `show -json` of a {resources:N0}-resource plan ({new FileInfo(json).Length / 1024.0 / 1024.0:0.0} MB)";
        var first = Stopwatch.StartNew();
        PlanClassification classification = await PlanClassifier.ClassifyFileAsync(json, CancellationToken.None);
        double firstCall = first.Elapsed.TotalMilliseconds;
        if (BenchmarkRecorder.FirstCall)
        {
            BenchmarkRecorder.RecordFirstCall("infra.classify", title, firstCall);
            return 0;
        }

        (long peakGrowth, long allocated) = await MeasureMemoryAsync(json);
        // Interleaved, so that the load of a shared machine weighs on both alike.
        var slipway = new List<double>();
        var jq = new List<double>();
        string jqCount = string.Empty;
        for (int round = 0; round < runs; round++)
        {
            var output = new System.Text.StringBuilder();
            var watch = Stopwatch.StartNew();
            await Cli.Wrap("jq").WithArguments([JqFilter, json]).WithStandardOutputPipe(PipeTarget.ToStringBuilder(output)).ExecuteAsync();
            jq.Add(watch.Elapsed.TotalMilliseconds);
            jqCount = output.ToString().Trim();
            for (int i = 0; i < 3; i++)
            {
                watch.Restart();
                await PlanClassifier.ClassifyFileAsync(json, CancellationToken.None);
                slipway.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        double slipwayMedian = Median(slipway);
        double jqMedian = Median(jq);
        PlanCounts counts = classification.Counts;
        Console.WriteLine($"Counts: create {counts.Create}, update {counts.Update}, replace {counts.Replace}, delete {counts.Delete}, no-op {counts.NoOp}; destructive {classification.Destructive.Count} (jq says {jqCount})");
        Console.WriteLine($"Slipway classifier: median {slipwayMedian:0.0} ms over {slipway.Count} runs ({string.Join(", ", slipway.Select(static t => t.ToString("0", CultureInfo.InvariantCulture)))})");
        Console.WriteLine($"jq:                 median {jqMedian:0.0} ms over {jq.Count} runs ({string.Join(", ", jq.Select(static t => t.ToString("0", CultureInfo.InvariantCulture)))})");
        Console.WriteLine($"Ratio jq / Slipway: {jqMedian / slipwayMedian:0.0}x (goal >= 10x)");
        Console.WriteLine($"Classifier memory: peak managed heap growth {peakGrowth / 1024.0 / 1024.0:0.00} MB, total allocated {allocated / 1024.0 / 1024.0:0.00} MB (goal: peak growth < 64 MB)");
        BenchmarkRecorder.Record(new BenchmarkMeasure
        {
            Name = "infra.classify",
            Title = title,
            Unit = "ms",
            Value = firstCall,
            Warm = slipwayMedian,
            Baseline = jqMedian,
            BaselineTitle = "the same count by `jq` (a whole process, median)",
            Goals = [BenchmarkGoal.RatioAtLeast(10)],
        });
        BenchmarkRecorder.Record(new BenchmarkMeasure
        {
            Name = "infra.memory",
            Title = "peak managed-heap growth while classifying",
            Unit = "MB",
            Kind = FigureKind.InProcess,
            Value = peakGrowth / 1024.0 / 1024.0,
            Goals = [BenchmarkGoal.LessThan(64)],
        });
        if (classification.Destructive.Count.ToString(CultureInfo.InvariantCulture) != jqCount)
        {
            Console.WriteLine("WARNING: the classifier and jq disagree on the number of destructive changes.");
        }

        return 0;
    }

    /// <summary>Peak growth of the managed heap while classifying (sampled every millisecond), and bytes allocated.</summary>
    private static async Task<(long PeakGrowth, long Allocated)> MeasureMemoryAsync(string json)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long peak = baseline;
        using var stop = new CancellationTokenSource();
        Task sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(1).ConfigureAwait(false);
            }
        });
        await PlanClassifier.ClassifyFileAsync(json, CancellationToken.None);
        peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
        await stop.CancelAsync();
        await sampler;
        return (peak - baseline, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
    }

    private static double Median(List<double> values)
    {
        double[] sorted = [.. values.Order()];
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string? Option(string[] args, string name)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int IntOption(string[] args, string name, int fallback)
        => Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
