using Slipway.BuildTools.Benchmarks;
using Slipway.Targets;

/// <summary>Benchmark: every benchmark the issues name, BENCHMARKS.md rewritten (src/Slipway/BuildTools/Benchmarks).</summary>
internal sealed partial class Build
{
    [Parameter("Benchmark: small sizes and few runs, a smoke run (figures not comparable with the goals; written under .nuke/temp/benchmarks, not over BENCHMARKS.md)")]
    private readonly bool _quick;

    [Parameter("Benchmark: run only this benchmark (bootstrap, validate, environments, infra, …); the others keep their last figures. Freeze: refresh only this entry (its key, e.g. apps.web.tag, or its name, e.g. web); the others stay byte for byte")]
    private readonly string? _only;

    [Parameter("Benchmark: fresh processes per first-call figure (the median is the figure)", Minimum = 1, Maximum = 20)]
    private readonly int _freshProcesses = 3;

    [Parameter("Benchmark: only rewrite BENCHMARKS.md from the last results (after an edit of tests/Slipway.Benchmarks/BENCHMARKS.template.md)")]
    private readonly bool _documentOnly;

    private AbsolutePath BenchmarksProject => RootDirectory / "tests" / "Slipway.Benchmarks" / "Slipway.Benchmarks.csproj";

    private Target Benchmark => _ => _
        .Description("Run the benchmarks (each with its baseline; first calls in fresh processes) and rewrite BENCHMARKS.md (--quick, --only NAME)")
        .Executes(async ct =>
        {
            if (_documentOnly)
            {
                await Suite().WriteDocumentAsync(ct);
                return;
            }

            await DotNetAsync(["build", BenchmarksProject, "-c", "Release", "-nologo", "-v", "q", "-clp:NoSummary"], ct);
            await Suite().RunAsync(ct);
        });

    private BenchmarkSuite Suite()
        => new(
            _processes,
            Log,
            new BenchmarkSuiteOptions(RootDirectory, RootDirectory / "tests" / "Slipway.Benchmarks" / "bin" / "Release" / "net10.0" / "Slipway.Benchmarks.dll", TemporaryDirectory / "benchmarks")
            {
                Quick = _quick,
                Only = _only,
                FreshProcesses = _freshProcesses,
            });
}
