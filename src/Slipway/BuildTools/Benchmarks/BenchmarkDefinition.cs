namespace Slipway.BuildTools.Benchmarks;

/// <summary>
/// A benchmark as the benchmark program lists it (<c>--list</c>): its name, the issue that set its goals, what it measures,
/// and whether it has first-call figures, which the suite then measures in fresh processes (<c>--first-call</c>).
/// </summary>
public sealed record BenchmarkDefinition(string Name, int Issue, string Title, bool HasFirstCall);
