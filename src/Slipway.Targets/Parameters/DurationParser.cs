using System.Globalization;
using System.Text.RegularExpressions;

namespace Slipway.Targets.Parameters;

/// <summary>Parses durations as users write them: <c>90s</c>, <c>5m</c>, <c>1h30m</c>, <c>250ms</c>, <c>2d</c>, or <c>00:05:00</c>.</summary>
public static partial class DurationParser
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        Match match = DurationPattern().Match(text);
        if (match.Success)
        {
            TimeSpan total = TimeSpan.Zero;
            foreach (Capture capture in match.Groups["part"].Captures)
            {
                Match part = PartPattern().Match(capture.Value);
                double amount = double.Parse(part.Groups["n"].Value, CultureInfo.InvariantCulture);
                total += part.Groups["u"].Value switch
                {
                    "ms" => TimeSpan.FromMilliseconds(amount),
                    "s" => TimeSpan.FromSeconds(amount),
                    "m" => TimeSpan.FromMinutes(amount),
                    "h" => TimeSpan.FromHours(amount),
                    _ => TimeSpan.FromDays(amount),
                };
            }

            value = total;
            return true;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value) && text.Contains(':', StringComparison.Ordinal);
    }

    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        if (value.TotalMilliseconds < 1000)
        {
            return $"{value.TotalMilliseconds:0}ms";
        }

        string result = string.Empty;
        if (value.Days > 0)
        {
            result += $"{value.Days}d";
        }

        if (value.Hours > 0)
        {
            result += $"{value.Hours}h";
        }

        if (value.Minutes > 0)
        {
            result += $"{value.Minutes}m";
        }

        if (value.Seconds > 0 || value.Milliseconds > 0)
        {
            result += value.Milliseconds > 0 ? $"{value.Seconds + (value.Milliseconds / 1000.0):0.###}s" : $"{value.Seconds}s";
        }

        return result;
    }

    [GeneratedRegex(@"^(?<part>\d+(\.\d+)?(ms|s|m|h|d))+$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?)(?<u>ms|s|m|h|d)$", RegexOptions.CultureInvariant)]
    private static partial Regex PartPattern();
}
