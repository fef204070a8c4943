using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Controllers.Workloads;

/// <summary>
/// Runs Deployments as the deployment controller does, through ReplicaSets (see <see cref="DeploymentReplicaSets"/>;
/// the <see cref="ReplicaSetController"/> keeps their pods). The ReplicaSet of the current template is created at the
/// full replica count (a 100% surge) with the next revision, or, when an older ReplicaSet has the same template (a
/// <c>kubectl rollout undo</c>), takes the next revision; older ReplicaSets are scaled down as new pods become Ready, so
/// the old version stays available until the new one is; with <c>strategy.type: Recreate</c> they go to 0 at once. Each
/// scale is a <c>ScalingReplicaSet</c> Event. ReplicaSets at 0 beyond <c>revisionHistoryLimit</c> are deleted. The
/// Deployment carries the current revision in <c>deployment.kubernetes.io/revision</c>. <c>maxSurge</c>,
/// <c>maxUnavailable</c>, <c>minReadySeconds</c> and <c>paused</c> are not simulated. Status follows the real rollout fields;
/// see <see cref="DeploymentStatusWriter"/>.
/// </summary>
internal sealed class DeploymentController : ReconcilingController
{
    private readonly Dictionary<ObjectKey, ProgressMark> _progress = [];

    public DeploymentController(ControllerContext context)
        : base(context)
    {
    }

    protected override ResourceType PrimaryType => Kinds.Deployment;

    protected override IEnumerable<(ResourceType Type, Func<WatchEvent, IEnumerable<ObjectKey>> Map)> Secondaries
        => [(Kinds.ReplicaSet, DeploymentOfReplicaSet), (Kinds.Pod, DeploymentOfPod)];

    /// <summary>
    /// The <c>pod-template-hash</c> of a template; null fields count as absent (kubectl sends <c>creationTimestamp: null</c>
    /// when <c>rollout undo</c> copies a ReplicaSet's template back).
    /// </summary>
    public static string TemplateHash(JsonNode? template) => StableHash.SafeEncode(StableHash.Fnv32(Json.Canonical(Json.WithoutNulls(template))), 10);

    protected override Task<TimeSpan?> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        JsonObject? deployment = Store.Get(Kinds.Deployment, key.Namespace, key.Name);
        if (deployment is null)
        {
            _progress.Remove(key);
            return Task.FromResult<TimeSpan?>(null);
        }

        string? uid = deployment.Str("metadata", "uid");
        List<JsonObject> sets = Store.List(Kinds.ReplicaSet, key.Namespace).Where(rs => Owners.IsControlledBy(rs, uid)).ToList();
        string hash = TemplateHash(deployment.At("spec", "template"));
        int replicas = (int)(deployment.Long("spec", "replicas") ?? 1);
        JsonObject? current = sets.FirstOrDefault(rs => rs.Str("spec", "template", "metadata", "labels", DeploymentReplicaSets.HashLabel) == hash);
        List<JsonObject> old = sets.Where(rs => !ReferenceEquals(rs, current)).OrderByDescending(DeploymentReplicaSets.Revision).ToList();
        long newestOld = old.Select(DeploymentReplicaSets.Revision).DefaultIfEmpty(0).Max();
        long revision = current is not null && DeploymentReplicaSets.Revision(current) > newestOld ? DeploymentReplicaSets.Revision(current) : newestOld + 1;
        current = current is null ? CreateReplicaSet(deployment, hash, revision, replicas) : SyncReplicaSet(deployment, current, revision, replicas);

        HashSet<string?> owners = [.. sets.Append(current).Select(rs => rs.Str("metadata", "uid"))];
        IReadOnlyList<JsonObject> inNamespace = Store.List(Kinds.Pod, key.Namespace);
        List<JsonObject> pods = inNamespace.Where(p => owners.Contains(Owners.ControllerOf(p)?.Str("uid"))).ToList();
        List<JsonObject> currentPods = pods.Where(p => Owners.IsControlledBy(p, current.Str("metadata", "uid"))).ToList();
        int allowedOld = deployment.Str("spec", "strategy", "type") == "Recreate" ? 0 : Math.Max(0, replicas - currentPods.Count(PodReadiness.IsReady));
        foreach (JsonObject replicaSet in old)
        {
            int scale = (int)(replicaSet.Long("spec", "replicas") ?? 0);
            int target = Math.Min(scale, allowedOld);
            allowedOld -= target;
            Scale(deployment, replicaSet, scale, target);
        }

        if (currentPods.Count(PodReadiness.IsReady) >= replicas)
        {
            RetireDirectPods(inNamespace.Where(p => Owners.IsControlledBy(p, uid)));
        }

        PruneHistory(deployment, old);
        deployment = RecordRevision(deployment, DeploymentReplicaSets.Revision(current));

        var counts = new PodCounts(Total: pods.Count, Updated: currentPods.Count, Ready: pods.Count(PodReadiness.IsReady));
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

    private JsonObject CreateReplicaSet(JsonObject deployment, string hash, long revision, int replicas)
    {
        JsonObject created = Store.Create(Kinds.ReplicaSet, deployment.Str("metadata", "namespace"), DeploymentReplicaSets.New(deployment, hash, revision, replicas));
        ScaledEvent(deployment, created, 0, replicas);
        return created;
    }

    /// <summary>Brings the current ReplicaSet to the Deployment's replica count, revision and annotations.</summary>
    private JsonObject SyncReplicaSet(JsonObject deployment, JsonObject replicaSet, long revision, int replicas)
    {
        JsonObject updated = replicaSet.DeepClone().AsObject();
        JsonObject metadata = updated.Obj("metadata")!;
        JsonObject annotations = metadata.Obj("annotations") ?? [];
        metadata["annotations"] = annotations;
        DeploymentReplicaSets.SetReplicaAnnotations(annotations, deployment, revision);
        int scale = (int)(replicaSet.Long("spec", "replicas") ?? 0);
        updated.Obj("spec")!["replicas"] = replicas;
        if (JsonNode.DeepEquals(updated, replicaSet))
        {
            return replicaSet;
        }

        JsonObject written = Store.Update(Kinds.ReplicaSet, replicaSet.Str("metadata", "namespace"), updated, statusOnly: false);
        ScaledEvent(deployment, replicaSet, scale, replicas);
        return written;
    }

    private void Scale(JsonObject deployment, JsonObject replicaSet, int from, int to)
    {
        if (from == to)
        {
            return;
        }

        replicaSet.Obj("spec")!["replicas"] = to;
        Store.Update(Kinds.ReplicaSet, replicaSet.Str("metadata", "namespace"), replicaSet, statusOnly: false);
        ScaledEvent(deployment, replicaSet, from, to);
    }

    private void ScaledEvent(JsonObject deployment, JsonObject replicaSet, int from, int to)
    {
        if (from == to)
        {
            return;
        }

        string direction = to > from ? "up" : "down";
        string message = $"Scaled {direction} replica set {replicaSet.Str("metadata", "name")} to {to}" + (from == 0 ? string.Empty : $" from {from}");
        Context.Events.Normal(deployment, "ScalingReplicaSet", message, EventSource.DeploymentController);
    }

    /// <summary>
    /// Deletes pods the Deployment owns directly, as the local cluster made them before it had ReplicaSets (a state saved
    /// by an older version), once the current ReplicaSet's pods are all Ready.
    /// </summary>
    private void RetireDirectPods(IEnumerable<JsonObject> direct)
    {
        foreach (JsonObject pod in direct)
        {
            try
            {
                Store.Delete(Kinds.Pod, pod.Str("metadata", "namespace"), pod.Str("metadata", "name") ?? string.Empty);
            }
            catch (StoreException gone) when (gone.Code == 404)
            {
            }
        }
    }

    /// <summary>Deletes the oldest scaled-down ReplicaSets beyond <c>spec.revisionHistoryLimit</c> (default 10).</summary>
    private void PruneHistory(JsonObject deployment, List<JsonObject> old)
    {
        long limit = deployment.Long("spec", "revisionHistoryLimit") ?? 10;
        List<JsonObject> idle = old.Where(rs => (rs.Long("spec", "replicas") ?? 0) == 0 && (rs.Long("status", "replicas") ?? 0) == 0)
            .OrderBy(DeploymentReplicaSets.Revision).ToList();
        foreach (JsonObject replicaSet in idle.Take(Math.Max(0, idle.Count - (int)limit)))
        {
            try
            {
                Store.Delete(Kinds.ReplicaSet, replicaSet.Str("metadata", "namespace"), replicaSet.Str("metadata", "name") ?? string.Empty);
            }
            catch (StoreException gone) when (gone.Code == 404)
            {
            }
        }
    }

    /// <summary>Writes the current revision to the Deployment's <c>deployment.kubernetes.io/revision</c> annotation.</summary>
    private JsonObject RecordRevision(JsonObject deployment, long revision)
    {
        string value = revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (deployment.Str("metadata", "annotations", DeploymentReplicaSets.RevisionAnnotation) == value)
        {
            return deployment;
        }

        JsonObject metadata = deployment.Obj("metadata")!;
        JsonObject annotations = metadata.Obj("annotations") ?? [];
        annotations[DeploymentReplicaSets.RevisionAnnotation] = value;
        metadata["annotations"] = annotations;
        return Store.Update(Kinds.Deployment, deployment.Str("metadata", "namespace"), deployment, statusOnly: false);
    }

    private static IEnumerable<ObjectKey> DeploymentOfReplicaSet(WatchEvent change)
        => Owners.ControllerName(change.Object, "Deployment") is string name ? [new ObjectKey(change.Object.Str("metadata", "namespace"), name)] : [];

    private IEnumerable<ObjectKey> DeploymentOfPod(WatchEvent change)
    {
        string? ns = change.Object.Str("metadata", "namespace");
        return Owners.ControllerName(change.Object, "ReplicaSet") is string replicaSet
            && Store.Get(Kinds.ReplicaSet, ns, replicaSet) is JsonObject owner
            && Owners.ControllerName(owner, "Deployment") is string name
            ? [new ObjectKey(ns, name)]
            : [];
    }
}
