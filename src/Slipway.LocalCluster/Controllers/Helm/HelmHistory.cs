using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;

namespace Slipway.LocalCluster.Controllers.Helm;

/// <summary>
/// Entries of a HelmRelease's <c>status.history</c> (Flux's release snapshots), newest first: name, namespace,
/// version (the Helm revision), status (<c>pending-install</c>, <c>pending-upgrade</c>, <c>pending-rollback</c>,
/// <c>deployed</c>, <c>superseded</c>, <c>failed</c>), chartName, chartVersion, appVersion, configDigest (of the values),
/// digest (of the snapshot), firstDeployed and lastDeployed.
/// </summary>
internal static class HelmHistory
{
    public static JsonObject Snapshot(ChartRelease release, long version, string status, string firstDeployed, string lastDeployed)
    {
        var snapshot = new JsonObject
        {
            ["name"] = release.Name,
            ["namespace"] = release.Namespace,
            ["version"] = version,
            ["status"] = status,
            ["chartName"] = release.Chart,
            ["chartVersion"] = release.ChartVersion,
            ["appVersion"] = release.AppVersion,
            ["configDigest"] = release.ConfigDigest,
            ["firstDeployed"] = firstDeployed,
            ["lastDeployed"] = lastDeployed,
        };
        snapshot["digest"] = Json.Sha256(snapshot);
        return snapshot;
    }

    public static void SetStatus(JsonObject snapshot, string status)
    {
        snapshot["status"] = status;
        snapshot.Remove("digest");
        snapshot["digest"] = Json.Sha256(snapshot);
    }

    public static IEnumerable<JsonObject> Entries(JsonObject status) => (status.Arr("history") ?? []).OfType<JsonObject>();

    public static bool IsPending(JsonObject? snapshot) => snapshot.Str("status")?.StartsWith("pending-", StringComparison.Ordinal) == true;

    /// <summary>Keeps the newest <paramref name="max"/> entries (0: all) and returns the revisions dropped.</summary>
    public static IReadOnlyList<long> Trim(JsonObject status, int max)
    {
        if (max <= 0 || status["history"] is not JsonArray history || history.Count <= max)
        {
            return [];
        }

        var dropped = new List<long>();
        while (history.Count > max)
        {
            dropped.Add(history[^1].Long("version") ?? 0);
            history.RemoveAt(history.Count - 1);
        }

        return dropped;
    }

    public static string Describe(JsonObject snapshot)
        => $"{snapshot.Str("namespace")}/{snapshot.Str("name")}.v{snapshot.Long("version")} with chart {snapshot.Str("chartName")}@{snapshot.Str("chartVersion")}";
}
