using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Helm;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Images;

namespace Slipway.LocalCluster.Controllers.Workloads;

/// <summary>Computes a simulated pod's <c>status</c> the way the kubelet reports it (phase, conditions, containerStatuses).</summary>
internal static class PodStatusWriter
{
    /// <summary>Fills <paramref name="status"/>; returns when the pod's status will change again by itself, or null.</summary>
    public static TimeSpan? Fill(JsonObject status, JsonObject pod, DateTimeOffset firstSeen, DateTimeOffset now, ControllerContext context)
    {
        ControllerOptions options = context.Options;
        string name = pod.Str("metadata", "name") ?? string.Empty;
        string ns = pod.Str("metadata", "namespace") ?? "default";
        string uid = pod.Str("metadata", "uid") ?? string.Empty;
        TimeSpan age = now - firstSeen;
        bool created = age >= options.PodReadyDelay;
        JsonArray previous = status.Arr("containerStatuses") ?? [];
        var statuses = new JsonArray();
        TimeSpan? again = created ? null : options.PodReadyDelay - age;
        bool anyMissing = false;

        foreach (JsonObject container in (pod.Arr("spec", "containers") ?? []).OfType<JsonObject>())
        {
            string containerName = container.Str("name") ?? "main";
            string image = container.Str("image") ?? string.Empty;
            JsonObject? old = previous.OfType<JsonObject>().FirstOrDefault(c => c.Str("name") == containerName);
            long restarts = old.Long("restartCount") ?? 0;
            var entry = new JsonObject
            {
                ["name"] = containerName,
                ["image"] = image,
                ["imageID"] = string.Empty,
                ["ready"] = false,
                ["started"] = false,
                ["restartCount"] = restarts,
            };
            if (!created)
            {
                entry["state"] = Waiting("ContainerCreating", null);
            }
            else
            {
                switch (ImageOf(context, pod, image))
                {
                    case ImageStatus.Present:
                        entry["ready"] = true;
                        entry["started"] = true;
                        entry["imageID"] = image;
                        entry["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = old.Str("state", "running", "startedAt") ?? Time.Format(now) } };
                        break;
                    case ImageStatus.Missing:
                        anyMissing = true;
                        entry["state"] = Waiting("ImagePullBackOff", $"Back-off pulling image \"{image}\"");
                        again = Min(again, options.ImagePullRetryInterval);
                        break;
                    default:
                        long computed = 1 + (long)((age - options.PodReadyDelay) / options.CrashRestartInterval);
                        restarts = Math.Max(restarts, computed);
                        entry["restartCount"] = restarts;
                        entry["imageID"] = image;
                        entry["state"] = Waiting("CrashLoopBackOff", $"back-off {BackOff(restarts)} restarting failed container={containerName} pod={name}_{ns}({uid})");
                        entry["lastState"] = new JsonObject
                        {
                            ["terminated"] = new JsonObject
                            {
                                ["exitCode"] = 1,
                                ["reason"] = "Error",
                                ["startedAt"] = old.Str("lastState", "terminated", "startedAt") ?? Time.Format(now),
                                ["finishedAt"] = old.Str("lastState", "terminated", "finishedAt") ?? Time.Format(now),
                            },
                        };
                        again = Min(again, options.CrashRestartInterval);
                        break;
                }
            }

            statuses.Add(entry);
        }

        bool ready = created && statuses.Count > 0 && statuses.All(s => s.Bool("ready"));
        string[] unready = statuses.Where(s => !s.Bool("ready")).Select(s => s.Str("name") ?? string.Empty).ToArray();
        status["phase"] = !created || anyMissing ? "Pending" : "Running";
        status["hostIP"] = "127.0.0.1";
        status["podIP"] = status.Str("podIP") ?? PodIp(uid);
        status["startTime"] = status.Str("startTime") ?? Time.Format(firstSeen);
        status["qosClass"] = "BestEffort";
        Conditions.Set(status, new Condition("PodScheduled", "True", "Scheduled", string.Empty), now);
        Conditions.Set(status, new Condition("Initialized", "True", "Initialized", string.Empty), now);
        string message = ready ? string.Empty : $"containers with unready status: [{string.Join(' ', unready)}]";
        Conditions.Set(status, new Condition("ContainersReady", ready ? "True" : "False", ready ? "ContainersReady" : "ContainersNotReady", message), now);
        Conditions.Set(status, new Condition("Ready", ready ? "True" : "False", ready ? "PodReady" : "ContainersNotReady", message), now);
        status["containerStatuses"] = statuses;
        return again;
    }

    /// <summary>The catalogue's answer, except that a chart's default image (see <see cref="ChartDeployment"/>) is always present.</summary>
    public static ImageStatus ImageOf(ControllerContext context, JsonObject pod, string image)
        => pod.Str("metadata", "annotations", ChartDeployment.DefaultImageAnnotation) == image ? ImageStatus.Present : context.Images(image);

    private static JsonObject Waiting(string reason, string? message)
    {
        var waiting = new JsonObject { ["reason"] = reason };
        if (message is not null)
        {
            waiting["message"] = message;
        }

        return new JsonObject { ["waiting"] = waiting };
    }

    private static string BackOff(long restarts)
        => GoDuration.Format(TimeSpan.FromSeconds(Math.Min(300, 10 * Math.Pow(2, Math.Max(0, restarts - 1)))));

    private static TimeSpan? Min(TimeSpan? left, TimeSpan right) => left is TimeSpan l && l < right ? l : right;

    private static string PodIp(string uid)
    {
        int hash = (int)(StableHash.Fnv32(uid) % 250) + 2;
        return $"10.244.0.{hash}";
    }
}
