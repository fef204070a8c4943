using System.Globalization;
using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;

namespace Slipway.LocalCluster.Controllers.Workloads;

/// <summary>
/// The ReplicaSets of a Deployment as the deployment controller writes them: named <c>&lt;deployment&gt;-&lt;pod-template-hash&gt;</c>,
/// the template and selector carrying the <c>pod-template-hash</c> label, owned by the Deployment, and annotated with
/// <c>deployment.kubernetes.io/revision</c>, <c>desired-replicas</c> and <c>max-replicas</c> (what <c>kubectl rollout history</c>
/// and <c>rollout undo</c> read).
/// </summary>
internal static class DeploymentReplicaSets
{
    public const string RevisionAnnotation = "deployment.kubernetes.io/revision";
    public const string DesiredReplicasAnnotation = "deployment.kubernetes.io/desired-replicas";
    public const string MaxReplicasAnnotation = "deployment.kubernetes.io/max-replicas";
    public const string ChangeCauseAnnotation = "kubernetes.io/change-cause";
    public const string HashLabel = "pod-template-hash";

    /// <summary>The revision annotation of a ReplicaSet or Deployment, 0 when absent.</summary>
    public static long Revision(JsonObject obj)
        => long.TryParse(obj.Str("metadata", "annotations", RevisionAnnotation), NumberStyles.None, CultureInfo.InvariantCulture, out long revision) ? revision : 0;

    /// <summary>A new ReplicaSet of <paramref name="deployment"/>'s current template (hash <paramref name="hash"/>), at <paramref name="replicas"/>.</summary>
    public static JsonObject New(JsonObject deployment, string hash, long revision, int replicas)
    {
        string name = deployment.Str("metadata", "name") ?? string.Empty;
        JsonObject template = deployment.Obj("spec", "template")?.DeepClone().AsObject() ?? [];
        if (template.Obj("metadata") is not JsonObject templateMetadata)
        {
            templateMetadata = [];
            template["metadata"] = templateMetadata;
        }

        JsonObject labels = templateMetadata.Obj("labels") ?? [];
        labels[HashLabel] = hash;
        templateMetadata["labels"] = labels;
        JsonObject selector = deployment.Obj("spec", "selector")?.DeepClone().AsObject() ?? [];
        JsonObject matchLabels = selector.Obj("matchLabels") ?? [];
        matchLabels[HashLabel] = hash;
        selector["matchLabels"] = matchLabels;
        var annotations = new JsonObject();
        if (deployment.Str("metadata", "annotations", ChangeCauseAnnotation) is string cause)
        {
            annotations[ChangeCauseAnnotation] = cause;
        }

        SetReplicaAnnotations(annotations, deployment, revision);
        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "ReplicaSet",
            ["metadata"] = new JsonObject
            {
                ["name"] = $"{name}-{hash}",
                ["labels"] = labels.DeepClone(),
                ["annotations"] = annotations,
                ["ownerReferences"] = Owners.ControllerReference(deployment),
            },
            ["spec"] = new JsonObject
            {
                ["replicas"] = replicas,
                ["selector"] = selector,
                ["template"] = template,
            },
        };
    }

    /// <summary>Sets the revision, desired-replicas and max-replicas annotations (max = replicas plus the surge, 25% rounded up).</summary>
    public static void SetReplicaAnnotations(JsonObject annotations, JsonObject deployment, long revision)
    {
        long replicas = deployment.Long("spec", "replicas") ?? 1;
        annotations[DesiredReplicasAnnotation] = replicas.ToString(CultureInfo.InvariantCulture);
        annotations[MaxReplicasAnnotation] = (replicas + (long)Math.Ceiling(replicas * 0.25)).ToString(CultureInfo.InvariantCulture);
        annotations[RevisionAnnotation] = revision.ToString(CultureInfo.InvariantCulture);
    }
}
