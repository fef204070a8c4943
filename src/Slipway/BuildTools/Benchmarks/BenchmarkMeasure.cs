namespace Slipway.BuildTools.Benchmarks;

/// <summary>
/// One figure of a benchmark as <c>--json</c> writes it and BENCHMARKS.md shows it: the headline <see cref="Value"/> (for
/// in-process code, the first call in a fresh process), the warm figure beside it, the baseline measured in the same run,
/// their ratio (how many times better than the baseline) and the goals the issue set.
/// </summary>
public sealed record BenchmarkMeasure
{
    /// <summary>Stable id, <c>benchmark.measure</c>, by which fresh-process samples are merged into the full run's figure.</summary>
    public required string Name { get; init; }

    public required string Title { get; init; }

    /// <summary>"ms", "µs", "/s", "MB"…</summary>
    public required string Unit { get; init; }

    public double? Value { get; init; }

    public FigureKind Kind { get; init; } = FigureKind.FirstCall;

    /// <summary>How many samples <see cref="Value"/> is the median of (fresh processes or whole-process runs).</summary>
    public int Samples { get; init; } = 1;

    /// <summary>The warm figure (median once the code is jitted and tiered up), where it differs from the headline.</summary>
    public double? Warm { get; init; }

    public double? Baseline { get; init; }

    public string? BaselineTitle { get; init; }

    /// <summary>Rates are better high; times and memory low (the default).</summary>
    public bool HigherIsBetter { get; init; }

    public IReadOnlyList<BenchmarkGoal> Goals { get; init; } = [];

    public string? Note { get; init; }

    /// <summary>How many times better than the baseline the headline figure is (baseline / figure for times).</summary>
    public double? Ratio => RatioOf(Value);

    /// <summary>The same ratio for the warm figure.</summary>
    public double? WarmRatio => RatioOf(Warm);

    /// <summary>Whether every goal is met; null when there is no goal or a figure is missing.</summary>
    public bool? Met
    {
        get
        {
            if (Goals.Count == 0)
            {
                return null;
            }

            bool?[] results = [.. Goals.Select(goal => goal.IsMetBy(this))];
            return results.Any(static r => r is null) ? null : results.All(static r => r == true);
        }
    }

    private double? RatioOf(double? figure)
    {
        if (figure is not { } value || Baseline is not { } baseline || value <= 0 || baseline <= 0)
        {
            return null;
        }

        return HigherIsBetter ? value / baseline : baseline / value;
    }
}
