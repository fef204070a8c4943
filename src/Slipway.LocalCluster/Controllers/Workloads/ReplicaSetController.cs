using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Controllers.Workloads;

/// <summary>
/// Keeps <c>spec.replicas</c> pods of each ReplicaSet, as the replica-set controller does: a missing pod is created from
/// the template (named <c>&lt;replicaset&gt;-&lt;5 random&gt;</c>, owned by the ReplicaSet, placed on the nodes in turn),
/// an extra one is deleted (not-Ready ones first), each with a <c>SuccessfulCreate</c>/<c>SuccessfulDelete</c> Event;
/// <c>status</c> counts the pods (replicas, fullyLabeledReplicas, readyReplicas, availableReplicas).
/// </summary>
internal sealed class ReplicaSetController : ReconcilingController
{
    private int _nextNode;

    public ReplicaSetController(ControllerContext context)
        : base(context)
    {
    }

    protected override ResourceType PrimaryType => Kinds.ReplicaSet;

    protected override IEnumerable<(ResourceType Type, Func<WatchEvent, IEnumerable<ObjectKey>> Map)> Secondaries
        => [(Kinds.Pod, OwnerOf)];

    protected override Task<TimeSpan?> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        JsonObject? replicaSet = Store.Get(Kinds.ReplicaSet, key.Namespace, key.Name);
        if (replicaSet is null)
        {
            return Task.FromResult<TimeSpan?>(null);
        }

        string? uid = replicaSet.Str("metadata", "uid");
        List<JsonObject> pods = Store.List(Kinds.Pod, key.Namespace).Where(p => Owners.IsControlledBy(p, uid)).ToList();
        int replicas = (int)(replicaSet.Long("spec", "replicas") ?? 1);
        while (pods.Count < replicas)
        {
            JsonObject pod = Store.Create(Kinds.Pod, key.Namespace, NewPod(replicaSet));
            Context.Events.Normal(replicaSet, "SuccessfulCreate", $"Created pod: {pod.Str("metadata", "name")}", EventSource.ReplicaSetController);
            pods.Add(pod);
        }

        foreach (JsonObject extra in pods.OrderBy(PodReadiness.IsReady).Take(pods.Count - replicas).ToList())
        {
            if (TryDelete(extra))
            {
                Context.Events.Normal(replicaSet, "SuccessfulDelete", $"Deleted pod: {extra.Str("metadata", "name")}", EventSource.ReplicaSetController);
            }

            pods.Remove(extra);
        }

        JsonObject status = replicaSet.Obj("status")?.DeepClone().AsObject() ?? [];
        JsonObject before = status.DeepClone().AsObject();
        int ready = pods.Count(PodReadiness.IsReady);
        status["replicas"] = pods.Count;
        SetOrRemove(status, "fullyLabeledReplicas", pods.Count);
        SetOrRemove(status, "readyReplicas", ready);
        SetOrRemove(status, "availableReplicas", ready);
        status["observedGeneration"] = replicaSet.Long("metadata", "generation") ?? 1;
        UpdateStatusIfChanged(Kinds.ReplicaSet, key.Namespace, replicaSet, before, status);
        return Task.FromResult<TimeSpan?>(null);
    }

    private static void SetOrRemove(JsonObject status, string field, int value)
    {
        if (value == 0)
        {
            status.Remove(field);
        }
        else
        {
            status[field] = value;
        }
    }

    private static IEnumerable<ObjectKey> OwnerOf(WatchEvent change)
        => Owners.ControllerName(change.Object, "ReplicaSet") is string name ? [new ObjectKey(change.Object.Str("metadata", "namespace"), name)] : [];

    private JsonObject NewPod(JsonObject replicaSet)
    {
        string name = replicaSet.Str("metadata", "name") ?? string.Empty;
        JsonObject template = replicaSet.Obj("spec", "template")?.DeepClone().AsObject() ?? [];
        JsonObject templateMetadata = template.Obj("metadata") ?? [];
        var metadata = new JsonObject
        {
            ["name"] = $"{name}-{StableHash.RandomSuffix()}",
            ["labels"] = templateMetadata.Obj("labels")?.DeepClone() ?? new JsonObject(),
            ["ownerReferences"] = Owners.ControllerReference(replicaSet),
        };
        if (templateMetadata.Obj("annotations") is JsonObject annotations)
        {
            metadata["annotations"] = annotations.DeepClone();
        }

        JsonObject spec = template.Obj("spec")?.DeepClone().AsObject() ?? [];
        spec["nodeName"] ??= NextNode();
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = metadata,
            ["spec"] = spec,
            ["status"] = new JsonObject { ["phase"] = "Pending" },
        };
    }

    private string NextNode()
    {
        List<string> nodes = Store.List(Kinds.Node, null).Select(n => n.Str("metadata", "name") ?? string.Empty).ToList();
        return nodes.Count == 0 ? NodeController.NodeName(1) : nodes[_nextNode++ % nodes.Count];
    }

    private bool TryDelete(JsonObject pod)
    {
        try
        {
            Store.Delete(Kinds.Pod, pod.Str("metadata", "namespace"), pod.Str("metadata", "name") ?? string.Empty);
            return true;
        }
        catch (StoreException missing) when (missing.Code == 404)
        {
            return false;
        }
    }
}
