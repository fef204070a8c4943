namespace Slipway.BuildTools.Benchmarks;

/// <summary>
/// Where <see cref="BenchmarkSuite"/> finds the benchmark program and writes its results. A <c>--quick</c> run writes its
/// document and results under the work directory, never over the committed BENCHMARKS.md.
/// </summary>
public sealed record BenchmarkSuiteOptions(string RepositoryRoot, string BenchmarksDll, string WorkDirectory)
{
    public bool Quick { get; init; }

    /// <summary>Run only this benchmark; the others keep the figures of the last results file.</summary>
    public string? Only { get; init; }

    /// <summary>Fresh processes per first-call figure (the median is the figure).</summary>
    public int FreshProcesses { get; init; } = 3;

    /// <summary>How long one benchmark process may run.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromHours(1);

    public string Template => Path.Combine(RepositoryRoot, "tests", "Slipway.Benchmarks", "BENCHMARKS.template.md");

    public string Document => Quick ? Path.Combine(WorkDirectory, "BENCHMARKS.md") : Path.Combine(RepositoryRoot, "BENCHMARKS.md");

    public string ResultsFile => Quick ? Path.Combine(WorkDirectory, "results.json") : Path.Combine(RepositoryRoot, "tests", "Slipway.Benchmarks", "results.json");
}
