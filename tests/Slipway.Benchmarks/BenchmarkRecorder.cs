using Slipway.BuildTools.Benchmarks;

namespace Slipway.Benchmarks;

/// <summary>
/// Collects the figures a benchmark reports, which <see cref="Program"/> writes as its <c>--json FILE</c> result.
/// <see cref="FirstCall"/> is set by <c>--first-call</c>: the benchmark then prepares what it needs, times only the first
/// call of each first-call measure in this fresh process and records it under the same name as the full run does.
/// </summary>
public static class BenchmarkRecorder
{
    private static readonly List<BenchmarkMeasure> s_measures = [];

    public static bool FirstCall { get; internal set; }

    public static IReadOnlyList<BenchmarkMeasure> Measures
    {
        get
        {
            lock (s_measures)
            {
                return [.. s_measures];
            }
        }
    }

    public static void Record(BenchmarkMeasure measure)
    {
        lock (s_measures)
        {
            s_measures.Add(measure);
        }
    }

    /// <summary>Records the first call of <paramref name="name"/> measured in a <c>--first-call</c> process.</summary>
    public static void RecordFirstCall(string name, string title, double milliseconds)
    {
        Console.WriteLine($"{title}: first call in this fresh process {milliseconds:0.0} ms");
        Record(new BenchmarkMeasure { Name = name, Title = title, Unit = "ms", Value = milliseconds });
    }
}
