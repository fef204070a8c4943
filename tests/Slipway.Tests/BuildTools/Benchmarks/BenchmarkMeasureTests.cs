using Slipway.BuildTools.Benchmarks;

namespace Slipway.Tests.BuildTools.Benchmarks;

public sealed class BenchmarkMeasureTests
{
    [Theory]
    [InlineData(50.0, 1000.0, false, 20.0)] // a time: baseline / figure
    [InlineData(4000.0, 1000.0, true, 4.0)] // a rate: figure / baseline
    [InlineData(2000.0, 100.0, false, 0.05)] // worse than the baseline: below 1
    public void The_ratio_is_how_many_times_better_than_the_baseline(double value, double baseline, bool higherIsBetter, double expected)
    {
        BenchmarkMeasure measure = Measure(value) with { Baseline = baseline, HigherIsBetter = higherIsBetter };

        measure.Ratio!.Value.ShouldBe(expected, 1e-9);
    }

    [Fact]
    public void The_warm_ratio_uses_the_warm_figure()
    {
        BenchmarkMeasure measure = Measure(600) with { Warm = 50, Baseline = 900 };

        measure.Ratio!.Value.ShouldBe(1.5, 1e-9);
        measure.WarmRatio!.Value.ShouldBe(18, 1e-9);
    }

    [Fact]
    public void There_is_no_ratio_without_a_baseline_or_a_figure()
    {
        Measure(10).Ratio.ShouldBeNull();
        (Measure(10) with { Value = null, Baseline = 5 }).Ratio.ShouldBeNull();
        (Measure(0) with { Baseline = 5 }).Ratio.ShouldBeNull();
    }

    [Theory]
    [InlineData(199.9, true)]
    [InlineData(200.0, true)]
    [InlineData(200.1, false)]
    public void At_most_includes_the_target(double value, bool met)
        => (Measure(value) with { Goals = [BenchmarkGoal.AtMost(200)] }).Met.ShouldBe(met);

    [Theory]
    [InlineData(63.9, true)]
    [InlineData(64.0, false)]
    public void Less_than_excludes_the_target(double value, bool met)
        => (Measure(value) with { Unit = "MB", Goals = [BenchmarkGoal.LessThan(64)] }).Met.ShouldBe(met);

    [Theory]
    [InlineData(90.0, true)] // 1000 / 90 = 11.1x
    [InlineData(100.0, true)] // exactly 10x
    [InlineData(600.0, false)] // 1.7x
    public void A_ratio_goal_is_checked_against_the_ratio_of_the_headline_figure(double value, bool met)
        => (Measure(value) with { Warm = 50, Baseline = 1000, Goals = [BenchmarkGoal.RatioAtLeast(10)] }).Met.ShouldBe(met);

    [Theory]
    [InlineData(189.4, true)]
    [InlineData(200.1, false)]
    public void A_warm_goal_is_checked_against_the_warm_figure_not_the_first_call(double warm, bool met)
        => (Measure(581.2) with { Warm = warm, Goals = [BenchmarkGoal.WarmAtMost(200)] }).Met.ShouldBe(met);

    [Fact]
    public void Every_goal_must_be_met()
    {
        BenchmarkMeasure measure = Measure(250) with { Baseline = 2500, Goals = [BenchmarkGoal.AtMost(300), BenchmarkGoal.RatioAtLeast(5)] };

        measure.Met.ShouldBe(true);
        (measure with { Value = 400, Baseline = 4000 }).Met.ShouldBe(false); // ratio met, figure not
        (measure with { Baseline = 1000 }).Met.ShouldBe(false); // figure met, ratio not
    }

    [Fact]
    public void Met_is_unknown_without_goals_or_when_the_figure_a_goal_needs_is_missing()
    {
        Measure(10).Met.ShouldBeNull();
        (Measure(10) with { Goals = [BenchmarkGoal.RatioAtLeast(10)] }).Met.ShouldBeNull();
    }

    [Fact]
    public void A_measure_survives_the_json_round_trip_with_its_computed_fields_written()
    {
        BenchmarkMeasure measure = Measure(52.8) with { Warm = 40, Baseline = 877.8, BaselineTitle = "jq", Goals = [BenchmarkGoal.RatioAtLeast(10)] };

        string json = BenchmarkJson.Serialize(measure);
        BenchmarkMeasure read = System.Text.Json.JsonSerializer.Deserialize<BenchmarkMeasure>(json, BenchmarkJson.Options)!;

        json.ShouldContain("\"ratio\": 16.6");
        json.ShouldContain("\"met\": true");
        json.ShouldContain("\"on\": \"Ratio\"");
        BenchmarkJson.Serialize(read).ShouldBe(json);
        read.Goals.ShouldBe(measure.Goals);
    }

    internal static BenchmarkMeasure Measure(double value) => new() { Name = "x.y", Title = "a measure", Unit = "ms", Value = value };
}
