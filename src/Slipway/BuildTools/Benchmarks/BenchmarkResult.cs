namespace Slipway.BuildTools.Benchmarks;

/// <summary>One benchmark's figures from one run, as the benchmark program writes them with <c>--json FILE</c>.</summary>
public sealed record BenchmarkResult
{
    public required string Benchmark { get; init; }

    /// <summary>The issue that set its goals (the document groups benchmarks by it).</summary>
    public int Issue { get; init; }

    public string Title { get; init; } = string.Empty;

    /// <summary>The command that re-runs it alone.</summary>
    public string Command { get; init; } = string.Empty;

    public DateTimeOffset MeasuredAt { get; init; }

    /// <summary>Wall time of the whole benchmark, fresh-process samples included.</summary>
    public double Seconds { get; init; }

    /// <summary>Measured with <c>--quick</c>: smaller sizes, not comparable with the goals.</summary>
    public bool Quick { get; init; }

    public IReadOnlyList<BenchmarkMeasure> Measures { get; init; } = [];

    /// <summary>Why the benchmark did not finish, when it did not.</summary>
    public string? Failure { get; init; }

    /// <summary>
    /// This full run's measures with each first-call figure replaced by the median over fresh processes
    /// (<paramref name="firstCalls"/>: one result per process, run with <c>--first-call</c>).
    /// </summary>
    public BenchmarkResult WithFirstCalls(IReadOnlyList<BenchmarkResult> firstCalls)
    {
        if (firstCalls.Count == 0)
        {
            return this;
        }

        var merged = new List<BenchmarkMeasure>(Measures.Count);
        foreach (BenchmarkMeasure measure in Measures)
        {
            double[] samples = [.. firstCalls.SelectMany(r => r.Measures).Where(m => m.Name == measure.Name && m.Value is not null).Select(static m => m.Value!.Value)];
            merged.Add(measure.Kind != FigureKind.FirstCall || samples.Length == 0
                ? measure
                : measure with { Value = BenchmarkFigures.Median(samples), Samples = samples.Length });
        }

        return this with { Measures = merged };
    }
}
