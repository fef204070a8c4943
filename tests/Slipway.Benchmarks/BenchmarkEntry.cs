using Slipway.BuildTools.Benchmarks;

namespace Slipway.Benchmarks;

/// <summary>
/// One benchmark of the program: how it is listed to <c>./build.sh Benchmark</c> (<see cref="Definition"/>), its arguments,
/// and the method that runs it. Adding a benchmark is adding one of these to <see cref="Program"/>'s list.
/// </summary>
internal sealed record BenchmarkEntry(BenchmarkDefinition Definition, string Usage, Func<string[], Task<int>> Run)
{
    public BenchmarkEntry(string name, int issue, string title, string usage, Func<string[], Task<int>> run, bool hasFirstCall = false)
        : this(new BenchmarkDefinition(name, issue, title, hasFirstCall), usage, run)
    {
    }

    public string Name => Definition.Name;
}
