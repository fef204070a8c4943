using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;

namespace Slipway.LocalCluster.Controllers.Workloads;

/// <summary>
/// Writes a Deployment's status as the deployment controller does: <c>observedGeneration</c>, <c>replicas</c>,
/// <c>updatedReplicas</c>, <c>readyReplicas</c>, <c>availableReplicas</c>, <c>unavailableReplicas</c> and the conditions
/// Available (minimum availability: replicas minus 25%, rounded down) and Progressing (<c>ReplicaSetUpdated</c> while
/// pods move, <c>NewReplicaSetAvailable</c> when the rollout is complete, <c>ProgressDeadlineExceeded</c> when nothing
/// moved for <c>spec.progressDeadlineSeconds</c>, default 600).
/// </summary>
internal static class DeploymentStatusWriter
{
    /// <summary>Fills <paramref name="status"/>; returns when the progress deadline falls, while it is pending.</summary>
    public static TimeSpan? Fill(JsonObject status, JsonObject deployment, string hash, PodCounts counts, ProgressMark mark, DateTimeOffset now)
    {
        string name = deployment.Str("metadata", "name") ?? string.Empty;
        int replicas = (int)(deployment.Long("spec", "replicas") ?? 1);
        long generation = deployment.Long("metadata", "generation") ?? 1;
        TimeSpan deadline = TimeSpan.FromSeconds(deployment.Long("spec", "progressDeadlineSeconds") ?? 600);
        string replicaSet = $"{name}-{hash}";

        status["observedGeneration"] = generation;
        status["replicas"] = counts.Total;
        status["updatedReplicas"] = counts.Updated;
        status["readyReplicas"] = counts.Ready;
        status["availableReplicas"] = counts.Ready;
        status["unavailableReplicas"] = Math.Max(0, counts.Total - counts.Ready);
        if (counts.Ready == 0)
        {
            status.Remove("readyReplicas");
            status.Remove("availableReplicas");
        }

        if (counts.Total - counts.Ready <= 0)
        {
            status.Remove("unavailableReplicas");
        }

        int minimum = replicas - (int)Math.Floor(replicas * 0.25);
        bool available = counts.Ready >= minimum;
        Conditions.Set(
            status,
            new Condition(
                "Available",
                available ? "True" : "False",
                available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                available ? "Deployment has minimum availability." : "Deployment does not have minimum availability.")
            {
                Extra = new JsonObject { ["lastUpdateTime"] = KeepOrNow(status, "Available", available ? "True" : "False", now) },
            },
            now);

        bool complete = counts.Updated == replicas && counts.Total == counts.Updated && counts.Ready >= counts.Updated;
        JsonObject? progressing = Conditions.Find(status, "Progressing");
        if (complete)
        {
            SetProgressing(status, "True", "NewReplicaSetAvailable", $"ReplicaSet \"{replicaSet}\" has successfully progressed.", now);
            return null;
        }

        bool moved = mark.At == now || progressing is null;
        if (!moved && progressing?.Str("reason") == "ProgressDeadlineExceeded")
        {
            return null;
        }

        if (!moved && now - mark.At >= deadline)
        {
            SetProgressing(status, "False", "ProgressDeadlineExceeded", $"ReplicaSet \"{replicaSet}\" has timed out progressing.", now);
            return null;
        }

        if (moved || progressing?.Str("reason") != "ReplicaSetUpdated")
        {
            SetProgressing(status, "True", "ReplicaSetUpdated", $"ReplicaSet \"{replicaSet}\" is progressing.", mark.At);
        }

        return mark.At + deadline - now;
    }

    private static void SetProgressing(JsonObject status, string value, string reason, string message, DateTimeOffset now)
    {
        JsonObject? existing = Conditions.Find(status, "Progressing");
        bool same = existing is not null && existing.Str("reason") == reason && existing.Str("message") == message && existing.Str("status") == value;
        string updated = same ? existing!.Str("lastUpdateTime") ?? Time.Format(now) : Time.Format(now);
        Conditions.Set(status, new Condition("Progressing", value, reason, message) { Extra = new JsonObject { ["lastUpdateTime"] = updated } }, now);
    }

    private static string KeepOrNow(JsonObject status, string type, string value, DateTimeOffset now)
    {
        JsonObject? existing = Conditions.Find(status, type);
        return existing is not null && existing.Str("status") == value ? existing.Str("lastUpdateTime") ?? Time.Format(now) : Time.Format(now);
    }
}
