using Slipway.BuildTools.Benchmarks;

namespace Slipway.Tests.BuildTools.Benchmarks;

public sealed class BenchmarkResultTests
{
    [Fact]
    public void First_call_figures_become_the_median_over_the_fresh_processes()
    {
        BenchmarkResult full = Result("infra", Measure("infra.classify", 300) with { Warm = 50 }, Measure("infra.memory", 4) with { Kind = FigureKind.InProcess });

        BenchmarkResult merged = full.WithFirstCalls([Result("infra", Measure("infra.classify", 640)), Result("infra", Measure("infra.classify", 600)), Result("infra", Measure("infra.classify", 700))]);

        merged.Measures[0].Value.ShouldBe(640);
        merged.Measures[0].Samples.ShouldBe(3);
        merged.Measures[0].Warm.ShouldBe(50);
        merged.Measures[1].ShouldBe(full.Measures[1]);
    }

    [Fact]
    public void A_first_call_figure_no_fresh_process_gave_keeps_the_full_run_figure()
    {
        BenchmarkResult full = Result("verify", Measure("verify.full", 330));

        full.WithFirstCalls([Result("verify", Measure("verify.other", 1))]).Measures[0].ShouldBe(full.Measures[0]);
    }

    [Fact]
    public void Merging_fresh_results_replaces_those_benchmarks_and_keeps_the_others_in_listing_order()
    {
        var report = new BenchmarkReport { Machine = new MachineDescription(), Results = [Result("gitops", Measure("a", 1)), Result("infra", Measure("b", 2)), Result("retired", Measure("c", 3))] };

        BenchmarkReport merged = report.Merge([Result("infra", Measure("b", 9)), Result("environments", Measure("d", 4))], ["environments", "infra", "gitops"]);

        merged.Results.Select(static r => r.Benchmark).ShouldBe(["environments", "infra", "gitops", "retired"]);
        merged.Results[1].Measures[0].Value.ShouldBe(9);
    }

    [Fact]
    public async Task A_report_round_trips_through_its_json_file()
    {
        string path = Path.Combine(Path.GetTempPath(), $"slipway-bench-{Guid.NewGuid():N}.json");
        var report = new BenchmarkReport { Machine = new MachineDescription { Cores = 2, Jq = "1.6" }, Seconds = 12, Results = [Result("infra", Measure("infra.classify", 600) with { Goals = [BenchmarkGoal.AtMost(200)] })] };
        try
        {
            await BenchmarkJson.WriteAsync(path, report, TestContext.Current.CancellationToken);
            BenchmarkReport read = await BenchmarkJson.ReadAsync<BenchmarkReport>(path, TestContext.Current.CancellationToken);

            read.Machine.ShouldBe(report.Machine);
            BenchmarkJson.Serialize(read).ShouldBe(BenchmarkJson.Serialize(report));
            read.Results[0].Measures[0].Met.ShouldBe(false);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_results_file_that_is_not_json_is_a_failure_naming_it()
    {
        string path = Path.Combine(Path.GetTempPath(), $"slipway-bench-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, "{ not json", TestContext.Current.CancellationToken);
        try
        {
            SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => BenchmarkJson.ReadAsync<BenchmarkReport>(path, TestContext.Current.CancellationToken));

            error.Message.ShouldStartWith($"{path}: not a benchmark result");
            error.Kind.ShouldBe(FailureKind.Failed);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static BenchmarkResult Result(string name, params BenchmarkMeasure[] measures) => new() { Benchmark = name, Measures = measures };

    private static BenchmarkMeasure Measure(string name, double value) => BenchmarkMeasureTests.Measure(value) with { Name = name };
}
