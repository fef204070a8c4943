using System.Text.Json;
using Slipway.Verification;

namespace Slipway.Cluster;

/// <summary>Reduces listed HelmReleases and Applications to what Verify reads of them (<see cref="HelmReleaseStatus"/>, <see cref="ApplicationStatus"/>).</summary>
internal static class RolloutCustomObjects
{
    public static HelmReleaseStatus HelmRelease(JsonElement release)
    {
        JsonElement metadata = release.GetProperty("metadata");
        return new HelmReleaseStatus(
            JsonStatus.Text(metadata, "namespace") ?? string.Empty,
            JsonStatus.Text(metadata, "name") ?? string.Empty,
            Int64(metadata, "generation"),
            release.TryGetProperty("status", out JsonElement status) ? Int64(status, "observedGeneration") : 0,
            Conditions(release))
        {
            ReconcileRequested = JsonStatus.Text(metadata, "annotations", FluxReleaseRetry.RequestedAt) is { } requested
                && requested != JsonStatus.Text(release, "status", "lastHandledReconcileAt"),
            DeployedChartVersion = Find(release, "status", "history") is { ValueKind: JsonValueKind.Array } history && history.GetArrayLength() > 0
                && JsonStatus.Text(history[0], "status") == "deployed"
                    ? JsonStatus.Text(history[0], "chartVersion")
                    : null,
        };
    }

    public static ApplicationStatus Application(JsonElement application)
    {
        JsonElement metadata = application.GetProperty("metadata");
        return new ApplicationStatus
        {
            Namespace = JsonStatus.Text(metadata, "namespace") ?? string.Empty,
            Name = JsonStatus.Text(metadata, "name") ?? string.Empty,
            HasStatus = application.TryGetProperty("status", out _),
            SyncStatus = JsonStatus.Text(application, "status", "sync", "status") ?? string.Empty,
            HealthStatus = JsonStatus.Text(application, "status", "health", "status") ?? string.Empty,
            OperationPhase = JsonStatus.Text(application, "status", "operationState", "phase") ?? string.Empty,
            OperationMessage = JsonStatus.Text(application, "status", "operationState", "message") ?? string.Empty,
            Conditions = Conditions(application),
            Source = Find(application, "spec", "source"),
            ComparedSource = Find(application, "status", "sync", "comparedTo", "source"),
            DeployedChartVersion = JsonStatus.Text(application, "spec", "source", "chart") is not null
                && Find(application, "status", "history") is { ValueKind: JsonValueKind.Array } history && history.GetArrayLength() > 0
                    ? JsonStatus.Text(history[history.GetArrayLength() - 1], "revision")
                    : null,
        };
    }

    /// <summary>The value at that path of objects, or null.</summary>
    private static JsonElement? Find(JsonElement obj, params string[] path)
    {
        JsonElement current = obj;
        foreach (string part in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
            {
                return null;
            }
        }

        return current;
    }

    private static long Int64(JsonElement obj, string property)
        => obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number) ? number : 0;

    private static IReadOnlyList<StatusCondition> Conditions(JsonElement obj)
    {
        if (Find(obj, "status", "conditions") is not { ValueKind: JsonValueKind.Array } conditions)
        {
            return [];
        }

        return
        [
            .. conditions.EnumerateArray()
                .Where(static c => c.ValueKind == JsonValueKind.Object)
                .Select(static c => new StatusCondition(JsonStatus.Text(c, "type") ?? string.Empty, JsonStatus.Text(c, "status"), JsonStatus.Text(c, "reason"), JsonStatus.Text(c, "message"))),
        ];
    }
}
