using System.Globalization;

namespace Slipway.LocalCluster.Controllers.Runtime;

/// <summary>Timestamps as Kubernetes writes them: RFC 3339, UTC, whole seconds.</summary>
internal static class Time
{
    public static string Format(DateTimeOffset time)
        => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? Parse(string? text)
        => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset time)
            ? time
            : null;
}
