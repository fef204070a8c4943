namespace Slipway.BuildTools.Benchmarks;

/// <summary>Everything BENCHMARKS.md is made from: the machine, when, and each benchmark's latest result.</summary>
public sealed record BenchmarkReport
{
    public required MachineDescription Machine { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    /// <summary>Wall time of the <c>./build.sh Benchmark</c> run that wrote this report.</summary>
    public double Seconds { get; init; }

    public bool Quick { get; init; }

    public IReadOnlyList<BenchmarkResult> Results { get; init; } = [];

    /// <summary>
    /// This report with <paramref name="fresh"/> results replacing those of the same benchmarks (a <c>--only</c> run keeps
    /// the other benchmarks' last figures), in the order of <paramref name="order"/>.
    /// </summary>
    public BenchmarkReport Merge(IReadOnlyList<BenchmarkResult> fresh, IReadOnlyList<string> order)
    {
        Dictionary<string, BenchmarkResult> byName = Results.ToDictionary(static r => r.Benchmark, StringComparer.Ordinal);
        foreach (BenchmarkResult result in fresh)
        {
            byName[result.Benchmark] = result;
        }

        List<BenchmarkResult> ordered = [.. order.Where(byName.ContainsKey).Select(name => byName[name])];
        ordered.AddRange(byName.Values.Where(r => !order.Contains(r.Benchmark)));
        return this with { Results = ordered };
    }
}
