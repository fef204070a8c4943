using System.Globalization;
using System.Text.Json;

namespace Slipway.Cluster;

/// <summary>
/// An Argo CD Application that cannot read its source reports a <c>ComparisonError</c> (or <c>InvalidSpecError</c>)
/// condition, and a sync requested meanwhile may never start: <see cref="ArgoSync"/> fails at once on such a condition
/// still there after a refresh at least a second later than its request (<c>status.reconciledAt</c>, second precision):
/// older ones are cleared by the refresh the request causes.
/// </summary>
internal static class ArgoSourceError
{
    private static readonly string[] s_types = ["ComparisonError", "InvalidSpecError"];

    /// <summary>(type, message) of a source error reported by a refresh a second or more after <paramref name="requested"/>, or null.</summary>
    public static (string Type, string Message)? Since(JsonElement application, DateTimeOffset requested)
    {
        if (JsonStatus.Find(application, "status", "conditions") is not { ValueKind: JsonValueKind.Array } conditions
            || !DateTimeOffset.TryParse(JsonStatus.Text(application, "status", "reconciledAt"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset refreshed)
            || refreshed < requested.AddTicks(-(requested.Ticks % TimeSpan.TicksPerSecond)).AddSeconds(1))
        {
            return null;
        }

        foreach (JsonElement condition in conditions.EnumerateArray())
        {
            string? type = JsonStatus.Text(condition, "type");
            if (type is not null && s_types.Contains(type))
            {
                return (type, JsonStatus.Text(condition, "message") ?? string.Empty);
            }
        }

        return null;
    }
}
