using Slipway.BuildTools.Benchmarks;

namespace Slipway.Tests.BuildTools.Benchmarks;

public sealed class BenchmarkFiguresTests
{
    [Theory]
    [InlineData(52.83, "ms", "52.8 ms")]
    [InlineData(4.514, "MB", "4.51 MB")]
    [InlineData(1064.4, "ms", "1,064 ms")]
    [InlineData(4968.2, "/s", "4,968/s")]
    [InlineData(16.63, "×", "16.6×")]
    [InlineData(0.456, "", "0.46")]
    [InlineData(12.04, "µs", "12.0 µs")]
    public void Figures_read_with_three_digits_or_thousands_separators(double value, string unit, string expected)
        => BenchmarkFigures.Format(value, unit).ShouldBe(expected);

    [Theory]
    [InlineData(200.0, "ms", "200 ms")]
    [InlineData(10_000.0, "ms", "10,000 ms")]
    [InlineData(1000.0, "/s", "1,000/s")]
    [InlineData(2.5, "×", "2.50×")]
    public void Goal_targets_that_are_whole_numbers_have_no_decimals(double value, string unit, string expected)
        => BenchmarkFigures.Target(value, unit).ShouldBe(expected);

    [Fact]
    public void A_missing_figure_is_a_dash()
    {
        BenchmarkFigures.Format(null, "ms").ShouldBe("—");
        BenchmarkFigures.Ratio(null).ShouldBe("—");
    }

    [Theory]
    [InlineData(new[] { 3.0, 1.0, 2.0 }, 2.0)]
    [InlineData(new[] { 4.0, 1.0, 3.0, 2.0 }, 2.5)]
    [InlineData(new[] { 7.0 }, 7.0)]
    public void The_median_is_the_middle_or_the_mean_of_the_two_middle_values(double[] values, double expected)
        => BenchmarkFigures.Median(values).ShouldBe(expected);

    [Fact]
    public void The_median_of_nothing_is_not_a_number()
        => double.IsNaN(BenchmarkFigures.Median([])).ShouldBeTrue();

    [Theory]
    [InlineData(GoalComparison.AtMost, GoalSubject.Figure, "≤ 200 ms")]
    [InlineData(GoalComparison.LessThan, GoalSubject.Figure, "< 200 ms")]
    [InlineData(GoalComparison.AtLeast, GoalSubject.Ratio, "≥ 200× (ratio)")]
    [InlineData(GoalComparison.AtMost, GoalSubject.Warm, "≤ 200 ms (warm, in process)")]
    public void Goals_read_as_comparisons_in_the_measure_unit(GoalComparison comparison, GoalSubject on, string expected)
        => new BenchmarkGoal(on, comparison, 200).Format("ms").ShouldBe(expected);
}
