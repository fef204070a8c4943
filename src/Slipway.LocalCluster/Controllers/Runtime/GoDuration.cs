using System.Globalization;
using System.Text.RegularExpressions;

namespace Slipway.LocalCluster.Controllers.Runtime;

/// <summary>Parses Go duration strings as Flux writes them in <c>spec.interval</c> and <c>spec.timeout</c> (<c>1m30s</c>, <c>5m0s</c>, <c>250ms</c>, <c>1h</c>).</summary>
internal static partial class GoDuration
{
    public static TimeSpan Parse(string? text, TimeSpan fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        MatchCollection parts = Part().Matches(text.Trim());
        if (parts.Count == 0 || string.Concat(parts.Select(p => p.Value)) != text.Trim())
        {
            return fallback;
        }

        double milliseconds = 0;
        foreach (Match part in parts)
        {
            double amount = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            milliseconds += part.Groups[2].Value switch
            {
                "h" => amount * 3_600_000,
                "m" => amount * 60_000,
                "s" => amount * 1000,
                "ms" => amount,
                "us" or "µs" => amount / 1000,
                _ => amount / 1_000_000,
            };
        }

        return TimeSpan.FromMilliseconds(milliseconds);
    }

    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(1))
        {
            return $"{(long)duration.TotalMilliseconds}ms";
        }

        long hours = (long)duration.TotalHours;
        string text = hours > 0 ? $"{hours}h{duration.Minutes}m" : duration.Minutes > 0 ? $"{duration.Minutes}m" : string.Empty;
        return $"{text}{duration.Seconds}s";
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)")]
    private static partial Regex Part();
}
