using System.Text.Json.Nodes;

namespace Slipway.LocalCluster.Store;

/// <summary>
/// The defaults the real API server fills in when it decodes an object (create, update, patch), for the fields kubectl
/// shows: a Deployment's <c>replicas</c> (1), <c>strategy</c> (RollingUpdate, 25%/25%), <c>revisionHistoryLimit</c> (10),
/// <c>progressDeadlineSeconds</c> (600); a Job's <c>parallelism</c> and <c>completions</c> (1), <c>backoffLimit</c> (6),
/// <c>completionMode</c>, <c>suspend</c> and <c>podReplacementPolicy</c>; a namespace's <c>spec.finalizers</c> ([kubernetes]) and <c>status.phase</c> (Active); a pod's (and a pod template's) <c>restartPolicy</c>, <c>dnsPolicy</c>,
/// <c>schedulerName</c>, <c>terminationGracePeriodSeconds</c>, <c>securityContext</c>, and each container's
/// <c>imagePullPolicy</c> (Always for <c>:latest</c> or no tag), <c>terminationMessagePath</c> and
/// <c>terminationMessagePolicy</c>, and <c>protocol</c> TCP of ports. Fields already set are kept.
/// </summary>
internal static class ObjectDefaults
{
    /// <summary>Fills the defaults of <paramref name="obj"/> (of <paramref name="type"/>) in place.</summary>
    public static void Apply(ResourceType type, JsonObject obj)
    {
        switch (type.Group, type.Kind)
        {
            case ("", "Pod"):
                if (obj["spec"] is JsonObject podSpec)
                {
                    PodSpec(podSpec);
                }

                break;
            case ("apps", "Deployment"):
                if (obj["spec"] is JsonObject deploymentSpec)
                {
                    Deployment(deploymentSpec);
                }

                break;
            case ("", "Namespace"):
                Namespace(obj);
                break;
            case ("batch", "Job"):
                if (obj["spec"] is JsonObject jobSpec)
                {
                    Job(jobSpec);
                }

                break;
            case ("apps", "ReplicaSet"):
                if (obj["spec"] is JsonObject replicaSetSpec)
                {
                    replicaSetSpec["replicas"] ??= 1;
                    TemplateSpec(replicaSetSpec);
                }

                break;
        }
    }

    private static void Namespace(JsonObject obj)
    {
        if (obj["spec"] is not JsonObject spec)
        {
            spec = [];
            obj["spec"] = spec;
        }

        spec["finalizers"] ??= new JsonArray("kubernetes");
        if (obj["status"] is not JsonObject status)
        {
            status = [];
            obj["status"] = status;
        }

        status["phase"] ??= "Active";
    }

    private static void Deployment(JsonObject spec)
    {
        spec["replicas"] ??= 1;
        spec["revisionHistoryLimit"] ??= 10;
        spec["progressDeadlineSeconds"] ??= 600;
        if (spec["strategy"] is not JsonObject strategy)
        {
            strategy = [];
            spec["strategy"] = strategy;
        }

        strategy["type"] ??= "RollingUpdate";
        if (strategy["type"] is JsonValue kind && kind.TryGetValue(out string? name) && name == "RollingUpdate")
        {
            if (strategy["rollingUpdate"] is not JsonObject rolling)
            {
                rolling = [];
                strategy["rollingUpdate"] = rolling;
            }

            rolling["maxUnavailable"] ??= "25%";
            rolling["maxSurge"] ??= "25%";
        }

        TemplateSpec(spec);
    }

    private static void Job(JsonObject spec)
    {
        spec["parallelism"] ??= 1;
        spec["completions"] ??= 1;
        spec["backoffLimit"] ??= 6;
        spec["completionMode"] ??= "NonIndexed";
        spec["suspend"] ??= false;
        spec["podReplacementPolicy"] ??= "TerminatingOrFailed";
        TemplateSpec(spec);
    }

    private static void TemplateSpec(JsonObject spec)
    {
        if (spec["template"] is JsonObject template && template["spec"] is JsonObject podSpec)
        {
            PodSpec(podSpec);
        }
    }

    private static void PodSpec(JsonObject spec)
    {
        spec["restartPolicy"] ??= "Always";
        spec["terminationGracePeriodSeconds"] ??= 30;
        spec["dnsPolicy"] ??= "ClusterFirst";
        spec["securityContext"] ??= new JsonObject();
        spec["schedulerName"] ??= "default-scheduler";
        foreach (string list in s_containerLists)
        {
            if (spec[list] is JsonArray containers)
            {
                foreach (JsonObject container in containers.OfType<JsonObject>())
                {
                    Container(container);
                }
            }
        }
    }

    private static void Container(JsonObject container)
    {
        container["resources"] ??= new JsonObject();
        container["terminationMessagePath"] ??= "/dev/termination-log";
        container["terminationMessagePolicy"] ??= "File";
        container["imagePullPolicy"] ??= PullPolicy(container["image"] is JsonValue value && value.TryGetValue(out string? image) ? image : "");
        if (container["ports"] is JsonArray ports)
        {
            foreach (JsonObject port in ports.OfType<JsonObject>())
            {
                port["protocol"] ??= "TCP";
            }
        }
    }

    /// <summary>Always when the image has no tag or the tag <c>latest</c> (and no digest), otherwise IfNotPresent.</summary>
    internal static string PullPolicy(string image)
    {
        if (image.Contains('@', StringComparison.Ordinal))
        {
            return "IfNotPresent";
        }

        int slash = image.LastIndexOf('/');
        int colon = image.LastIndexOf(':');
        string? tag = colon > slash ? image[(colon + 1)..] : null;
        return tag is null or "latest" ? "Always" : "IfNotPresent";
    }

    private static readonly string[] s_containerLists = ["containers", "initContainers"];
}
