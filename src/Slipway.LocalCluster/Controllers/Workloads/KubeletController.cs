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
/// <see cref="ControllerOptions.CrashRestartInterval"/>. Nothing is really run.
/// </summary>
internal sealed class KubeletController : ReconcilingController
{
    private readonly Dictionary<ObjectKey, (string Uid, DateTimeOffset At)> _firstSeen = [];

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

        DateTimeOffset seen = seenPod.At;
        JsonObject status = pod.Obj("status")?.DeepClone().AsObject() ?? [];
        if (status.Str("phase") == "Running" && Conditions.IsTrue(status, "Ready") && AllPresent(pod))
        {
            return Task.FromResult<TimeSpan?>(null);
        }

        JsonObject before = status.DeepClone().AsObject();
        TimeSpan? again = PodStatusWriter.Fill(status, pod, seen, now, Context);
        UpdateStatusIfChanged(Kinds.Pod, key.Namespace, pod, before, status);

        return Task.FromResult(again);
    }

    private bool AllPresent(JsonObject pod)
        => (pod.Arr("spec", "containers") ?? []).All(c => PodStatusWriter.ImageOf(Context, pod, c.Str("image") ?? string.Empty) == ImageStatus.Present);
}
