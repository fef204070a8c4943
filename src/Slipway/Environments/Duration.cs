using System.Globalization;
using System.Text.RegularExpressions;

namespace Slipway.Environments;

/// <summary>
/// Slipway's one duration grammar, for environment files and build parameters alike: what Go's
/// <c>time.ParseDuration</c> accepts as Flux users write it (<c>30s</c>, <c>5m</c>, <c>1h30m</c>, <c>1.5m</c>,
/// <c>500ms</c>, <c>0</c>), plus days (<c>2d</c>) and the clock form (<c>00:02:00</c>). Never negative.
/// </summary>
public static partial class Duration
{
    /// <summary>The grammar as a JSON-schema (ECMAScript) pattern.</summary>
    public const string Pattern = @"^(0|(([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h|d))+|([0-9]+\.)?[0-9]+:[0-9]+(:[0-9]+(\.[0-9]+)?)?)$";

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || !Grammar().IsMatch(text))
        {
            return false;
        }

        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
        }

        decimal ticks = 0;
        foreach (Match part in Part().Matches(text))
        {
            decimal unit = TicksPer(part.Groups["unit"].Value);
            if (!decimal.TryParse(part.Groups["number"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal number)
                || number > TimeSpan.MaxValue.Ticks / unit)
            {
                return false;
            }

            ticks += number * unit;
            if (ticks > TimeSpan.MaxValue.Ticks)
            {
                return false;
            }
        }

        value = TimeSpan.FromTicks((long)decimal.Round(ticks));
        return true;
    }

    public static TimeSpan Parse(string text, TimeSpan fallback) => TryParse(text, out TimeSpan value) ? value : fallback;

    /// <summary>The shortest form: <c>1h30m</c>, <c>90s</c> is written <c>1m30s</c>.</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        var text = new System.Text.StringBuilder();
        if (value.Days > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{value.Days}d");
        }

        if (value.Hours > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{value.Hours}h");
        }

        if (value.Minutes > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{value.Minutes}m");
        }

        if (value.Seconds > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{value.Seconds}s");
        }

        if (value.Milliseconds > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{value.Milliseconds}ms");
        }

        return text.ToString();
    }

    private static decimal TicksPer(string unit) => unit switch
    {
        "ns" => 0.01m, // a tick is 100 ns: nanoseconds are rounded
        "us" or "µs" or "μs" => TimeSpan.TicksPerMicrosecond,
        "ms" => TimeSpan.TicksPerMillisecond,
        "s" => TimeSpan.TicksPerSecond,
        "m" => TimeSpan.TicksPerMinute,
        "h" => TimeSpan.TicksPerHour,
        _ => TimeSpan.TicksPerDay,
    };

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();

    [GeneratedRegex(@"(?<number>[0-9]+(\.[0-9]*)?|\.[0-9]+)(?<unit>ns|us|µs|μs|ms|s|m|h|d)", RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}
