using System.Globalization;

namespace Slipway.BuildTools.Benchmarks;

/// <summary>
/// How figures read in BENCHMARKS.md: two decimals under 10, one under 1,000, whole numbers with thousands separators
/// above (4.51 MB, 52.8 ms, 1,064 ms, 4,968/s), units after a space except rates (/s) and ratios (×).
/// </summary>
public static class BenchmarkFigures
{
    public static string Format(double value)
    {
        double magnitude = Math.Abs(value);
        string format = magnitude >= 1000 ? "#,##0" : magnitude >= 10 ? "0.0" : "0.00";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    public static string Format(double value, string unit) => WithUnit(Format(value), unit);

    /// <summary>A goal's target: whole numbers without decimals (200 ms, 1,000/s, 10×).</summary>
    public static string Target(double value, string unit)
        => WithUnit(value == Math.Floor(value) ? value.ToString("#,##0", CultureInfo.InvariantCulture) : Format(value), unit);

    public static string Format(double? value, string unit) => value is { } figure ? Format(figure, unit) : "—";

    public static string Ratio(double? ratio) => ratio is { } value ? Format(value) + "×" : "—";

    private static string WithUnit(string figure, string unit)
        => unit.Length == 0 || unit.StartsWith('/') || unit == "×" ? figure + unit : $"{figure} {unit}";

    /// <summary>The median (the mean of the two middle values for an even count); NaN for none.</summary>
    public static double Median(IEnumerable<double> values)
    {
        double[] sorted = [.. values.Order()];
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
