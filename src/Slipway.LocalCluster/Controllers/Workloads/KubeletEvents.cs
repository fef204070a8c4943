using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;

namespace Slipway.LocalCluster.Controllers.Workloads;

/// <summary>
/// The Events the kubelet writes about a pod's containers, from the change between two statuses: <c>Pulling</c>,
/// <c>Pulled</c>, <c>Created</c>, <c>Started</c> when a container starts (only <c>Pulled</c>, "already present on machine",
/// when the node has pulled the image before and the container's <c>imagePullPolicy</c> is not <c>Always</c>, as a real
/// kubelet says); <c>Failed</c> (the pull error, then
/// <c>Error: ErrImagePull</c>) when its image is missing, then on every retry <c>BackOff</c> (<c>Back-off pulling image</c>)
/// and <c>Failed</c> (<c>Error: ImagePullBackOff</c>); a Warning <c>BackOff</c> for each restart of a crashing container.
/// Repeats aggregate in the <see cref="EventRecorder"/> (their <c>count</c> grows).
/// </summary>
internal static class KubeletEvents
{
    /// <param name="pulled">The images each node has pulled (<c>node</c> + newline + image), kept by the caller.</param>
    public static void Record(EventRecorder events, JsonObject pod, JsonObject before, JsonObject after, ISet<string> pulled)
    {
        EventSource kubelet = EventSource.Kubelet(pod.Str("spec", "nodeName"));
        string podName = pod.Str("metadata", "name") ?? string.Empty;
        foreach (JsonObject container in (after.Arr("containerStatuses") ?? []).OfType<JsonObject>())
        {
            string name = container.Str("name") ?? string.Empty;
            string image = container.Str("image") ?? string.Empty;
            string field = $"spec.containers{{{name}}}";
            JsonObject? old = (before.Arr("containerStatuses") ?? []).OfType<JsonObject>().FirstOrDefault(c => c.Str("name") == name);
            string? was = State(old);
            switch (State(container))
            {
                case "running" when was != "running":
                    Pull(events, pod, image, name, kubelet, pulled);
                    Started(events, pod, name, field, kubelet);
                    break;
                case "ImagePullBackOff":
                    if (was != "ImagePullBackOff")
                    {
                        events.Normal(pod, "Pulling", $"Pulling image \"{image}\"", kubelet, field);
                        events.Warning(pod, "Failed", $"Failed to pull image \"{image}\": rpc error: code = NotFound desc = failed to pull and unpack image \"{image}\": not found", kubelet, field);
                        events.Warning(pod, "Failed", "Error: ErrImagePull", kubelet, field);
                    }

                    events.Normal(pod, "BackOff", $"Back-off pulling image \"{image}\"", kubelet, field);
                    events.Warning(pod, "Failed", "Error: ImagePullBackOff", kubelet, field);
                    break;
                case "CrashLoopBackOff":
                    if (was is not "CrashLoopBackOff" and not "running")
                    {
                        Pull(events, pod, image, name, kubelet, pulled);
                        Started(events, pod, name, field, kubelet);
                    }

                    if (was != "CrashLoopBackOff" || (container.Long("restartCount") ?? 0) > (old.Long("restartCount") ?? 0))
                    {
                        events.Warning(pod, "BackOff", $"Back-off restarting failed container {name} in pod {podName}_{pod.Str("metadata", "namespace")}({pod.Str("metadata", "uid")})", kubelet, field);
                    }

                    break;
            }
        }
    }

    private static void Pull(EventRecorder events, JsonObject pod, string image, string name, EventSource kubelet, ISet<string> pulled)
    {
        string field = $"spec.containers{{{name}}}";
        string policy = (pod.Arr("spec", "containers") ?? []).OfType<JsonObject>().FirstOrDefault(c => c.Str("name") == name)?.Str("imagePullPolicy") ?? "IfNotPresent";
        if (policy != "Always" && pulled.Contains($"{kubelet.Host}\n{image}"))
        {
            events.Normal(pod, "Pulled", $"Container image \"{image}\" already present on machine", kubelet, field);
            return;
        }

        events.Normal(pod, "Pulling", $"Pulling image \"{image}\"", kubelet, field);
        events.Normal(pod, "Pulled", $"Successfully pulled image \"{image}\" in 0s (0s including waiting)", kubelet, field);
        pulled.Add($"{kubelet.Host}\n{image}");
    }

    private static void Started(EventRecorder events, JsonObject pod, string name, string field, EventSource kubelet)
    {
        events.Normal(pod, "Created", $"Created container: {name}", kubelet, field);
        events.Normal(pod, "Started", $"Started container {name}", kubelet, field);
    }

    /// <summary><c>running</c>, the waiting reason, or null (no status yet).</summary>
    private static string? State(JsonObject? container)
        => container is null ? null : container.Obj("state", "running") is not null ? "running" : container.Str("state", "waiting", "reason");
}
