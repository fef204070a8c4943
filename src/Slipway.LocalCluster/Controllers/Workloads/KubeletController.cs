using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Images;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Controllers.Workloads;

/// <summary>
/// Plays the kubelet for every pod: a pod is Pending (<c>ContainerCreating</c>) for <see cref="ControllerOptions.PodReadyDelay"/>,
/// then each container's image is looked up in the image catalogue: present → Running and Ready; missing →
/// <c>ImagePullBackOff</c> (asked again every <see cref="ControllerOptions.ImagePullRetryInterval"/>, so publishing the image
/// heals the pod); crashing → <c>CrashLoopBackOff</c> with <c>restartCount</c> growing every
/// <see cref="ControllerOptions.CrashRestartInterval"/>. Nothing is really run. It also plays the scheduler (a pod without a node
/// is bound to the first one) and writes the scheduler's and kubelet's Events (see <see cref="KubeletEvents"/>).
/// </summary>
internal sealed class KubeletController : ReconcilingController
{
    private readonly Dictionary<ObjectKey, (string Uid, DateTimeOffset At)> _firstSeen = [];
    private readonly HashSet<string> _pulled = new(StringComparer.Ordinal);

    public KubeletController(ControllerContext context)
        : base(context)
    {
    }

    protected override ResourceType PrimaryType => Kinds.Pod;

    protected override Task<TimeSpan?> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        JsonObject? pod = Store.Get(Kinds.Pod, key.Namespace, key.Name);
        if (pod is null)
        {
            _firstSeen.Remove(key);
            return Task.FromResult<TimeSpan?>(null);
        }

        string uid = pod.Str("metadata", "uid") ?? key.ToString();
        DateTimeOffset now = Context.Now;
        if (!_firstSeen.TryGetValue(key, out (string Uid, DateTimeOffset At) seenPod) || seenPod.Uid != uid)
        {
            seenPod = (uid, now);
            _firstSeen[key] = seenPod;
        }

        if (pod.Str("spec", "nodeName") is null || (seenPod.At == now && pod.Str("status", "phase") is null or "Pending"))
        {
            pod = Schedule(pod);
        }

        DateTimeOffset seen = seenPod.At;
        JsonObject status = pod.Obj("status")?.DeepClone().AsObject() ?? [];
        if (status.Str("phase") == "Running" && Conditions.IsTrue(status, "Ready") && AllPresent(pod))
        {
            return Task.FromResult<TimeSpan?>(null);
        }

        JsonObject before = status.DeepClone().AsObject();
        TimeSpan? again = PodStatusWriter.Fill(status, pod, seen, now, Context);
        KubeletEvents.Record(Context.Events, pod, before, status, _pulled);
        UpdateStatusIfChanged(Kinds.Pod, key.Namespace, pod, before, status);

        return Task.FromResult(again);
    }

    /// <summary>
    /// Plays the scheduler: a pod without <c>spec.nodeName</c> is bound to the first node, and the <c>Scheduled</c> Event
    /// says where a new pod runs.
    /// </summary>
    private JsonObject Schedule(JsonObject pod)
    {
        if (pod.Str("spec", "nodeName") is not string node)
        {
            node = Store.List(Kinds.Node, null).Select(n => n.Str("metadata", "name")).FirstOrDefault() ?? NodeController.NodeName(1);
            JsonObject spec = pod.Obj("spec") ?? [];
            spec["nodeName"] = node;
            pod["spec"] = spec;
            pod = Store.Update(Kinds.Pod, pod.Str("metadata", "namespace"), pod, statusOnly: false);
        }

        Context.Events.Normal(pod, "Scheduled", $"Successfully assigned {pod.Str("metadata", "namespace")}/{pod.Str("metadata", "name")} to {node}", EventSource.Scheduler);
        return pod;
    }

    private bool AllPresent(JsonObject pod)
        => (pod.Arr("spec", "containers") ?? []).All(c => PodStatusWriter.ImageOf(Context, pod, c.Str("image") ?? string.Empty) == ImageStatus.Present);
}
