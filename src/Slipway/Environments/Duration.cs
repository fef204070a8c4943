using System.Globalization;
using System.Text.RegularExpressions;

namespace Slipway.Environments;

/// <summary>Durations as written in environment files: <c>500ms</c>, <c>90s</c>, <c>5m</c>, <c>1h30m</c>, <c>2d</c>.</summary>
public static partial class Duration
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (!Format().IsMatch(text))
        {
            return false;
        }

        foreach (Match part in Part().Matches(text))
        {
            if (!long.TryParse(part.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long number) || number > 1_000_000)
            {
                return false;
            }

            value += part.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(number),
                "s" => TimeSpan.FromSeconds(number),
                "m" => TimeSpan.FromMinutes(number),
                "h" => TimeSpan.FromHours(number),
                _ => TimeSpan.FromDays(number),
            };
        }

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

    [GeneratedRegex(@"^(\d+(ms|s|m|h|d))+$", RegexOptions.CultureInvariant)]
    private static partial Regex Format();

    [GeneratedRegex(@"(\d+)(ms|s|m|h|d)", RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}
