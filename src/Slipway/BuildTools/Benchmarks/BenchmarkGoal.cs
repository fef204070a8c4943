namespace Slipway.BuildTools.Benchmarks;

/// <summary>
/// One goal an issue sets for a measure: its figure (or its ratio to the baseline) at most or at least a target,
/// e.g. "≤ 200 ms" on the figure or "≥ 10×" on the ratio.
/// </summary>
public sealed record BenchmarkGoal(GoalSubject On, GoalComparison Comparison, double Target)
{
    public static BenchmarkGoal AtMost(double target) => new(GoalSubject.Figure, GoalComparison.AtMost, target);

    public static BenchmarkGoal LessThan(double target) => new(GoalSubject.Figure, GoalComparison.LessThan, target);

    public static BenchmarkGoal AtLeast(double target) => new(GoalSubject.Figure, GoalComparison.AtLeast, target);

    public static BenchmarkGoal RatioAtLeast(double target) => new(GoalSubject.Ratio, GoalComparison.AtLeast, target);

    /// <summary>A goal on the warm figure in process, as an issue states it ("≤ 200 ms in process, first call reported beside it").</summary>
    public static BenchmarkGoal WarmAtMost(double target) => new(GoalSubject.Warm, GoalComparison.AtMost, target);

    /// <summary>Whether <paramref name="measure"/> meets this goal; null when the figure it is about is missing.</summary>
    public bool? IsMetBy(BenchmarkMeasure measure)
    {
        double? actual = On switch
        {
            GoalSubject.Ratio => measure.Ratio,
            GoalSubject.Warm => measure.Warm,
            _ => measure.Value,
        };
        if (actual is not { } value || double.IsNaN(value))
        {
            return null;
        }

        return Comparison switch
        {
            GoalComparison.AtMost => value <= Target,
            GoalComparison.LessThan => value < Target,
            _ => value >= Target,
        };
    }

    /// <summary>The goal as the document shows it, in the measure's unit: "≤ 200 ms", "&lt; 64 MB", "≥ 10×".</summary>
    public string Format(string unit)
    {
        string comparison = Comparison switch
        {
            GoalComparison.AtMost => "≤",
            GoalComparison.LessThan => "<",
            _ => "≥",
        };
        return On switch
        {
            GoalSubject.Ratio => $"{comparison} {BenchmarkFigures.Target(Target, "×")} (ratio)",
            GoalSubject.Warm => $"{comparison} {BenchmarkFigures.Target(Target, unit)} (warm, in process)",
            _ => $"{comparison} {BenchmarkFigures.Target(Target, unit)}",
        };
    }
}
