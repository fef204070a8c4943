using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Controllers.Workloads;

/// <summary>
/// Runs Deployments as the deployment and replica-set controllers do together, but without ReplicaSet objects:
/// the Deployment owns its pods directly (<c>ownerReferences</c> name the Deployment), and the ReplicaSet a real
/// cluster would create exists only as the <c>pod-template-hash</c> label and the <c>&lt;deployment&gt;-&lt;hash&gt;</c>
/// prefix of pod names, which is where kubectl users look for it. A template change creates all new pods at
/// once (a 100% surge) and removes an old pod only when a new one is Ready, so the old version stays available
/// until the new one is; with <c>strategy.type: Recreate</c> the old pods go first. <c>maxSurge</c>, <c>maxUnavailable</c>,
/// <c>minReadySeconds</c> and <c>paused</c> are not simulated. Status follows the real rollout fields; see <see cref="DeploymentStatusWriter"/>.
/// </summary>
internal sealed class DeploymentController : ReconcilingController
{
    private readonly Dictionary<ObjectKey, ProgressMark> _progress = [];
    private int _nextNode;

    public DeploymentController(ControllerContext context)
        : base(context)
    {
    }

    protected override ResourceType PrimaryType => Kinds.Deployment;

    protected override IEnumerable<(ResourceType Type, Func<WatchEvent, IEnumerable<ObjectKey>> Map)> Secondaries
        => [(Kinds.Pod, OwnerOf)];

    public static string TemplateHash(JsonNode? template) => StableHash.SafeEncode(StableHash.Fnv32(Json.Canonical(template)), 10);

    protected override Task<TimeSpan?> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        JsonObject? deployment = Store.Get(Kinds.Deployment, key.Namespace, key.Name);
        List<JsonObject> pods = Store.List(Kinds.Pod, key.Namespace).Where(p => IsOwnedBy(p, key.Name)).ToList();
        if (deployment is null)
        {
            _progress.Remove(key);
            pods.ForEach(p => DeletePod(p));
            return Task.FromResult<TimeSpan?>(null);
        }

        string hash = TemplateHash(deployment.At("spec", "template"));
        int replicas = (int)(deployment.Long("spec", "replicas") ?? 1);
        List<JsonObject> current = pods.Where(p => p.Str("metadata", "labels", "pod-template-hash") == hash).ToList();
        List<JsonObject> old = pods.Except(current).ToList();
        if (deployment.Str("spec", "strategy", "type") == "Recreate")
        {
            old.ForEach(p => DeletePod(p));
            old.Clear();
        }

        while (current.Count < replicas)
        {
            current.Add(CreatePod(deployment, hash));
        }

        foreach (JsonObject extra in current.OrderBy(IsReady).Take(current.Count - replicas).ToList())
        {
            DeletePod(extra);
            current.Remove(extra);
        }

        int keepOld = Math.Max(0, replicas - current.Count(IsReady));
        foreach (JsonObject retired in old.OrderBy(IsReady).Take(Math.Max(0, old.Count - keepOld)).ToList())
        {
            DeletePod(retired);
            old.Remove(retired);
        }

        var counts = new PodCounts(
            Total: current.Count + old.Count,
            Updated: current.Count,
            Ready: current.Count(IsReady) + old.Count(IsReady));
        DateTimeOffset now = Context.Now;
        long generation = deployment.Long("metadata", "generation") ?? 1;
        var mark = new ProgressMark(hash, generation, counts, now);
        if (_progress.TryGetValue(key, out ProgressMark? previous) && previous.SameProgress(mark))
        {
            mark = previous;
        }
        else
        {
            _progress[key] = mark;
        }

        JsonObject status = deployment.Obj("status")?.DeepClone().AsObject() ?? [];
        JsonObject before = status.DeepClone().AsObject();
        TimeSpan? again = DeploymentStatusWriter.Fill(status, deployment, hash, counts, mark, now);
        UpdateStatusIfChanged(Kinds.Deployment, key.Namespace, deployment, before, status);

        return Task.FromResult(again);
    }

    private static bool IsReady(JsonObject pod) => Conditions.IsTrue(pod.Obj("status"), "Ready");

    private static bool IsOwnedBy(JsonObject pod, string deployment)
        => (pod.Arr("metadata", "ownerReferences") ?? []).Any(o => o.Str("kind") == "Deployment" && o.Str("name") == deployment);

    private static IEnumerable<ObjectKey> OwnerOf(WatchEvent change)
        => (change.Object.Arr("metadata", "ownerReferences") ?? [])
            .Where(o => o.Str("kind") == "Deployment")
            .Select(o => new ObjectKey(change.Object.Str("metadata", "namespace"), o.Str("name") ?? string.Empty));

    private JsonObject CreatePod(JsonObject deployment, string hash)
    {
        string ns = deployment.Str("metadata", "namespace") ?? "default";
        string name = deployment.Str("metadata", "name") ?? string.Empty;
        JsonObject template = deployment.Obj("spec", "template")?.DeepClone().AsObject() ?? [];
        JsonObject metadata = template.Obj("metadata") ?? [];
        JsonObject labels = metadata.Obj("labels")?.DeepClone().AsObject() ?? [];
        labels["pod-template-hash"] = hash;
        var podMetadata = new JsonObject
        {
            ["name"] = $"{name}-{hash}-{StableHash.RandomSuffix()}",
            ["namespace"] = ns,
            ["labels"] = labels,
            ["ownerReferences"] = new JsonArray(new JsonObject
            {
                ["apiVersion"] = "apps/v1",
                ["kind"] = "Deployment",
                ["name"] = name,
                ["uid"] = deployment.Str("metadata", "uid"),
                ["controller"] = true,
                ["blockOwnerDeletion"] = true,
            }),
        };
        if (metadata.Obj("annotations") is JsonObject annotations)
        {
            podMetadata["annotations"] = annotations.DeepClone();
        }

        JsonObject spec = template.Obj("spec")?.DeepClone().AsObject() ?? [];
        spec["nodeName"] ??= NextNode();
        var pod = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = podMetadata,
            ["spec"] = spec,
            ["status"] = new JsonObject { ["phase"] = "Pending" },
        };
        return Store.Create(Kinds.Pod, ns, pod);
    }

    private string NextNode()
    {
        List<string> nodes = Store.List(Kinds.Node, null).Select(n => n.Str("metadata", "name") ?? string.Empty).ToList();
        return nodes.Count == 0 ? NodeController.NodeName(1) : nodes[_nextNode++ % nodes.Count];
    }

    private void DeletePod(JsonObject pod)
    {
        try
        {
            Store.Delete(Kinds.Pod, pod.Str("metadata", "namespace"), pod.Str("metadata", "name") ?? string.Empty);
        }
        catch (StoreException missing) when (missing.Code == 404)
        {
        }
    }
}
