using System.Globalization;
using System.Text.Json;

namespace Slipway.Cluster;

/// <summary>
/// An Argo CD Application that cannot read its source reports a <c>ComparisonError</c> (or <c>InvalidSpecError</c>)
/// condition, and a sync requested meanwhile may never start: <see cref="ArgoSync"/> fails at once on such a condition
/// that is newer than its request (older ones may be cleared by the refresh the request causes).
/// </summary>
internal static class ArgoSourceError
{
    private static readonly string[] s_types = ["ComparisonError", "InvalidSpecError"];

    /// <summary>(type, message) of a source error set at or after <paramref name="requested"/> (second precision, as Kubernetes stores it), or null.</summary>
    public static (string Type, string Message)? Since(JsonElement application, DateTimeOffset requested)
    {
        if (JsonStatus.Find(application, "status", "conditions") is not { ValueKind: JsonValueKind.Array } conditions)
        {
            return null;
        }

        DateTimeOffset since = requested.AddTicks(-(requested.Ticks % TimeSpan.TicksPerSecond));
        foreach (JsonElement condition in conditions.EnumerateArray())
        {
            string? type = JsonStatus.Text(condition, "type");
            if (type is not null && s_types.Contains(type)
                && DateTimeOffset.TryParse(JsonStatus.Text(condition, "lastTransitionTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset at)
                && at >= since)
            {
                return (type, JsonStatus.Text(condition, "message") ?? string.Empty);
            }
        }

        return null;
    }
}
