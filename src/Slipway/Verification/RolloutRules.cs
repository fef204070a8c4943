using System.Text.Json;
using k8s.Models;

namespace Slipway.Verification;

/// <summary>
/// The readiness rules, as kubectl, Flux and Argo CD apply them (see reference.md): pure functions of the objects.
/// </summary>
public static class RolloutRules
{
    /// <summary>Waiting reasons that mean a pod will not start without a change.</summary>
    public static readonly IReadOnlySet<string> BadWaitingReasons = new HashSet<string>(StringComparer.Ordinal)
    {
        "ImagePullBackOff", "ErrImagePull", "CrashLoopBackOff", "CreateContainerConfigError", "InvalidImageName", "CreateContainerError",
    };

    public static CheckResult Node(V1Node node)
    {
        V1NodeCondition? ready = node.Status?.Conditions?.FirstOrDefault(static c => c.Type == "Ready");
        return ready?.Status == "True"
            ? new CheckResult($"Node {node.Metadata.Name}", CheckState.Ready, "KubeletReady", string.Empty)
            : new CheckResult($"Node {node.Metadata.Name}", CheckState.Progressing, ready?.Reason ?? "NotReady", ready?.Message ?? "node is not Ready");
    }

    /// <summary>kubectl rollout status: generation observed, all replicas updated, none old, all updated available.</summary>
    public static CheckResult Deployment(V1Deployment deployment)
    {
        string subject = $"Deployment {deployment.Metadata.NamespaceProperty}/{deployment.Metadata.Name}";
        V1DeploymentStatus status = deployment.Status ?? new V1DeploymentStatus();
        V1DeploymentCondition? progressing = status.Conditions?.FirstOrDefault(static c => c.Type == "Progressing");
        if (progressing?.Reason == "ProgressDeadlineExceeded")
        {
            return new CheckResult(subject, CheckState.Failed, "ProgressDeadlineExceeded", progressing.Message ?? "the rollout exceeded its progress deadline");
        }

        int desired = deployment.Spec?.Replicas ?? 1;
        int updated = status.UpdatedReplicas ?? 0;
        int replicas = status.Replicas ?? 0;
        int available = status.AvailableReplicas ?? 0;
        if ((deployment.Metadata.Generation ?? 0) > (status.ObservedGeneration ?? 0))
        {
            return new CheckResult(subject, CheckState.Progressing, "WaitingForObservation", "the new spec is not observed yet");
        }

        if (updated < desired)
        {
            return new CheckResult(subject, CheckState.Progressing, "Updating", $"{updated} of {desired} replicas updated");
        }

        if (replicas > updated)
        {
            return new CheckResult(subject, CheckState.Progressing, "OldReplicasPending", $"{replicas - updated} old replicas pending termination");
        }

        return available < updated
            ? new CheckResult(subject, CheckState.Progressing, "Unavailable", $"{available} of {updated} updated replicas available")
            : new CheckResult(subject, CheckState.Ready, "RolledOut", $"{available}/{desired} available");
    }

    /// <summary>A pod whose container waits for a reason that needs a change to clear, or null.</summary>
    public static CheckResult? PodProblem(V1Pod pod)
    {
        foreach (V1ContainerStatus container in (pod.Status?.InitContainerStatuses ?? []).Concat(pod.Status?.ContainerStatuses ?? []))
        {
            V1ContainerStateWaiting? waiting = container.State?.Waiting;
            if (waiting?.Reason is { } reason && BadWaitingReasons.Contains(reason))
            {
                string restarts = container.RestartCount > 0 ? $" (restarted {container.RestartCount} times)" : string.Empty;
                return new CheckResult($"Pod {pod.Metadata.NamespaceProperty}/{pod.Metadata.Name} container {container.Name}", CheckState.Failed, reason, $"{waiting.Message}{restarts}".Trim());
            }
        }

        return null;
    }

    /// <summary>Flux HelmRelease: Ready=True for the current generation; Ready=False after a failed (remediated) upgrade is a failure.</summary>
    public static CheckResult HelmRelease(JsonElement release)
    {
        (string ns, string name, long generation) = Identity(release);
        string subject = $"HelmRelease {ns}/{name}";
        JsonElement? ready = FindCondition(release, "Ready");
        long observed = release.TryGetProperty("status", out JsonElement status) && status.TryGetProperty("observedGeneration", out JsonElement og) && og.TryGetInt64(out long value) ? value : 0;
        if (ready is null || observed < generation)
        {
            return new CheckResult(subject, CheckState.Progressing, "Reconciling", "waiting for the helm controller");
        }

        string conditionStatus = Text(ready.Value, "status");
        string reason = Text(ready.Value, "reason");
        string message = Text(ready.Value, "message");
        return conditionStatus switch
        {
            "True" => new CheckResult(subject, CheckState.Ready, reason, message),
            "False" when reason is "UpgradeFailed" or "InstallFailed" or "RollbackSucceeded" or "RollbackFailed" or "UninstallSucceeded" or "ArtifactFailed" or "ChartNotFound"
                => new CheckResult(subject, CheckState.Failed, reason, message),
            _ => new CheckResult(subject, CheckState.Progressing, reason.Length == 0 ? "Progressing" : reason, message),
        };
    }

    /// <summary>Argo CD Application: Synced and Healthy; Degraded, a failed operation or a ComparisonError (the source cannot be read) is a failure.</summary>
    public static CheckResult Application(JsonElement application)
    {
        (string ns, string name, _) = Identity(application);
        string subject = $"Application {ns}/{name}";
        if (!application.TryGetProperty("status", out JsonElement status))
        {
            return new CheckResult(subject, CheckState.Progressing, "Unknown", "no status yet");
        }

        string sync = status.TryGetProperty("sync", out JsonElement s) ? Text(s, "status") : string.Empty;
        string health = status.TryGetProperty("health", out JsonElement h) ? Text(h, "status") : string.Empty;
        string phase = status.TryGetProperty("operationState", out JsonElement op) ? Text(op, "phase") : string.Empty;
        string opMessage = status.TryGetProperty("operationState", out op) ? Text(op, "message") : string.Empty;
        if (phase is "Failed" or "Error")
        {
            return new CheckResult(subject, CheckState.Failed, $"Sync{phase}", opMessage);
        }

        if (FindCondition(application, "ComparisonError") is { } comparison)
        {
            return new CheckResult(subject, CheckState.Failed, "ComparisonError", Text(comparison, "message"));
        }

        // Argo CD records the source it last compared against; until that is the current spec.source, sync and health are stale.
        if (s.ValueKind == JsonValueKind.Object && s.TryGetProperty("comparedTo", out JsonElement comparedTo) && comparedTo.TryGetProperty("source", out JsonElement comparedSource)
            && application.TryGetProperty("spec", out JsonElement spec) && spec.TryGetProperty("source", out JsonElement source)
            && !JsonElement.DeepEquals(comparedSource, source))
        {
            return new CheckResult(subject, CheckState.Progressing, "Comparing", "the status is for an older source; waiting for Argo CD to compare the new one");
        }

        if (health == "Degraded")
        {
            return new CheckResult(subject, CheckState.Failed, "Degraded", opMessage);
        }

        return sync == "Synced" && health == "Healthy"
            ? new CheckResult(subject, CheckState.Ready, "SyncedHealthy", string.Empty)
            : new CheckResult(subject, CheckState.Progressing, $"{(sync.Length == 0 ? "Unknown" : sync)}{health}", opMessage);
    }

    private static (string Namespace, string Name, long Generation) Identity(JsonElement obj)
    {
        JsonElement metadata = obj.GetProperty("metadata");
        long generation = metadata.TryGetProperty("generation", out JsonElement g) && g.TryGetInt64(out long value) ? value : 0;
        return (Text(metadata, "namespace"), Text(metadata, "name"), generation);
    }

    private static JsonElement? FindCondition(JsonElement obj, string type)
    {
        if (obj.TryGetProperty("status", out JsonElement status) && status.TryGetProperty("conditions", out JsonElement conditions) && conditions.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement condition in conditions.EnumerateArray())
            {
                if (Text(condition, "type") == type)
                {
                    return condition;
                }
            }
        }

        return null;
    }

    private static string Text(JsonElement obj, string property)
        => obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
}
