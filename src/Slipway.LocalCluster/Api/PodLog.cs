using System.Globalization;
using System.Text.Json.Nodes;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Api;

/// <summary>
/// What <c>kubectl logs</c> gets from the local cluster: no process runs, so the lines are the local kubelet's own record
/// of the container, read from the pod's status (scheduled, image present or not in the image catalogue, started, crashed
/// and restarted), each marked <c>[local-cluster]</c> so nobody takes them for the application's output.
/// </summary>
internal static class PodLog
{
    private const string Mark = "[local-cluster]";

    /// <summary>The lines with their time (when the status knows it); <paramref name="previous"/> reads the last terminated run.</summary>
    public static IReadOnlyList<(string? Time, string Text)> Lines(JsonObject pod, string container, bool previous)
    {
        string podName = $"{Meta.Namespace(pod)}/{Meta.Name(pod)}";
        JsonObject? spec = (pod["spec"]?["containers"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => Str(c, "name") == container);
        string image = spec is null ? "" : Str(spec, "image") ?? "";
        JsonObject? status = (pod["status"]?["containerStatuses"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => Str(c, "name") == container);
        string? startTime = pod["status"]?["startTime"]?.GetValue<string>();
        List<(string?, string)> lines = [(startTime, $"{Mark} no process runs in the local cluster: these lines are its kubelet's record of container \"{container}\" of pod {podName}, read from the pod's status")];
        if (previous)
        {
            JsonObject terminated = status?["lastState"]?["terminated"] as JsonObject
                ?? throw ApiResponses.BadRequest($"previous terminated container \"{container}\" in pod \"{Meta.Name(pod)}\" not found");
            lines.Add((Str(terminated, "startedAt"), $"{Mark} Started: container \"{container}\" (image \"{image}\")"));
            lines.Add((Str(terminated, "finishedAt"), $"{Mark} Terminated: exit code {terminated["exitCode"]?.ToJsonString() ?? "?"} ({Str(terminated, "reason") ?? "unknown"})"));
            return lines;
        }

        if (Scheduled(pod) is string scheduledAt)
        {
            lines.Add((scheduledAt, $"{Mark} Scheduled: assigned {podName} to {pod["spec"]?["nodeName"]?.GetValue<string>() ?? "a node of the local cluster"}"));
        }

        if (status is null)
        {
            lines.Add((null, $"{Mark} container \"{container}\" has no status yet: the local kubelet has not seen the pod"));
            return lines;
        }

        JsonObject state = status["state"] as JsonObject ?? new JsonObject();
        long restarts = status["restartCount"]?.GetValue<long>() ?? 0;
        if (state["running"] is JsonObject running)
        {
            lines.Add((Str(running, "startedAt"), $"{Mark} Pulled: container image \"{image}\" is in the local image catalogue"));
            lines.Add((Str(running, "startedAt"), $"{Mark} Started: container \"{container}\" is running and ready (restarts: {restarts})"));
        }
        else if (state["waiting"] is JsonObject waiting)
        {
            string reason = Str(waiting, "reason") ?? "Waiting";
            string? message = Str(waiting, "message");
            switch (reason)
            {
                case "ImagePullBackOff" or "ErrImagePull":
                    lines.Add((null, $"{Mark} Pulling: image \"{image}\""));
                    lines.Add((null, $"{Mark} Failed: image \"{image}\" is not in the local image catalogue ({reason}{(message is null ? "" : ": " + message)})"));
                    break;
                case "CrashLoopBackOff":
                    lines.Add((startTime, $"{Mark} Pulled: container image \"{image}\" is in the local image catalogue"));
                    if (status["lastState"]?["terminated"] is JsonObject last)
                    {
                        lines.Add((Str(last, "finishedAt"), $"{Mark} Terminated: container \"{container}\" exited with code {last["exitCode"]?.ToJsonString() ?? "?"} ({Str(last, "reason") ?? "unknown"})"));
                    }

                    lines.Add((null, $"{Mark} BackOff: container \"{container}\" crashed and was restarted {restarts.ToString(CultureInfo.InvariantCulture)} times; {message ?? "backing off"}"));
                    break;
                default:
                    lines.Add((null, $"{Mark} {reason}: container \"{container}\" (image \"{image}\") is not started yet{(message is null ? "" : ": " + message)}"));
                    break;
            }
        }
        else if (state["terminated"] is JsonObject terminated)
        {
            lines.Add((Str(terminated, "finishedAt"), $"{Mark} Terminated: container \"{container}\" exited with code {terminated["exitCode"]?.ToJsonString() ?? "?"} ({Str(terminated, "reason") ?? "unknown"})"));
        }

        return lines;
    }

    private static string? Scheduled(JsonObject pod)
        => (pod["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>()
            .Where(c => Str(c, "type") == "PodScheduled" && Str(c, "status") == "True")
            .Select(c => Str(c, "lastTransitionTime") ?? "")
            .FirstOrDefault();

    private static string? Str(JsonObject obj, string key) => obj[key] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
