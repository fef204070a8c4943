using System.Text.Json;

namespace Slipway.Verification;

/// <summary>
/// The readiness rules, as kubectl, Flux and Argo CD apply them (see reference.md): pure functions of what Verify reads of each object.
/// </summary>
public static class RolloutRules
{
    /// <summary>Waiting reasons that mean a pod will not start without a change.</summary>
    public static readonly IReadOnlySet<string> BadWaitingReasons = new HashSet<string>(StringComparer.Ordinal)
    {
        "ImagePullBackOff", "ErrImagePull", "CrashLoopBackOff", "CreateContainerConfigError", "InvalidImageName", "CreateContainerError",
    };

    public static CheckResult Node(NodeStatus node)
    {
        StatusCondition? ready = Find(node.Conditions, "Ready");
        return ready?.Status == "True"
            ? new CheckResult($"Node {node.Name}", CheckState.Ready, "KubeletReady", string.Empty)
            : new CheckResult($"Node {node.Name}", CheckState.Progressing, ready?.Reason ?? "NotReady", ready?.Message ?? "node is not Ready");
    }

    /// <summary>kubectl rollout status: generation observed, all replicas updated, none old, all updated available.</summary>
    public static CheckResult Deployment(DeploymentStatus deployment)
    {
        string subject = $"Deployment {deployment.Namespace}/{deployment.Name}";
        StatusCondition? progressing = Find(deployment.Conditions, "Progressing");
        if (progressing?.Reason == "ProgressDeadlineExceeded")
        {
            return new CheckResult(subject, CheckState.Failed, "ProgressDeadlineExceeded", progressing.Message ?? "the rollout exceeded its progress deadline");
        }

        int desired = deployment.DesiredReplicas ?? 1;
        int updated = deployment.UpdatedReplicas;
        int replicas = deployment.Replicas;
        int available = deployment.AvailableReplicas;
        if (deployment.Generation > deployment.ObservedGeneration)
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

    /// <summary>A pod whose container waits for a reason that needs a change to clear, or null; the pod's last Warning Event is quoted.</summary>
    public static CheckResult? PodProblem(PodStatus pod)
    {
        foreach (ContainerStatus container in pod.InitContainers.Concat(pod.Containers))
        {
            if (container.WaitingReason is { } reason && BadWaitingReasons.Contains(reason))
            {
                string restarts = container.RestartCount > 0 ? $" (restarted {container.RestartCount} times)" : string.Empty;
                string message = $"{container.WaitingMessage}{restarts}".Trim();
                if (pod.LastWarning is { Length: > 0 } warning && !message.Contains(warning, StringComparison.Ordinal))
                {
                    message = message.Length == 0 ? $"last Warning event: {warning}" : $"{message}; last Warning event: {warning}";
                }

                return new CheckResult($"Pod {pod.Namespace}/{pod.Name} container {container.Name}", CheckState.Failed, reason, message);
            }
        }

        return null;
    }

    /// <summary>Flux HelmRelease: Ready=True for the current generation; Ready=False after a failed (remediated) upgrade is a failure.</summary>
    public static CheckResult HelmRelease(HelmReleaseStatus release)
    {
        string subject = $"HelmRelease {release.Namespace}/{release.Name}";
        StatusCondition? ready = Find(release.Conditions, "Ready");
        if (ready is null || release.ObservedGeneration < release.Generation)
        {
            return new CheckResult(subject, CheckState.Progressing, "Reconciling", "waiting for the helm controller");
        }

        if (release.ReconcileRequested && ready.Status != "True")
        {
            return new CheckResult(subject, CheckState.Progressing, "ReconcileRequested", $"a reconcile was requested; the helm controller has not handled it yet (last: {ready.Reason})");
        }

        string reason = ready.Reason ?? string.Empty;
        string message = ready.Message ?? string.Empty;
        return ready.Status switch
        {
            "True" => new CheckResult(subject, CheckState.Ready, reason, message),
            "False" when HelmReleaseReasons.IsFailure(reason)
                => new CheckResult(subject, CheckState.Failed, reason, message),
            _ => new CheckResult(subject, CheckState.Progressing, reason.Length == 0 ? "Progressing" : reason, message),
        };
    }

    /// <summary>Argo CD Application: Synced and Healthy; Degraded, a failed operation or a ComparisonError (the source cannot be read) is a failure.</summary>
    public static CheckResult Application(ApplicationStatus application)
    {
        string subject = $"Application {application.Namespace}/{application.Name}";
        if (!application.HasStatus)
        {
            return new CheckResult(subject, CheckState.Progressing, "Unknown", "no status yet");
        }

        string sync = application.SyncStatus;
        string health = application.HealthStatus;
        string phase = application.OperationPhase;
        string opMessage = application.OperationMessage;
        if (phase is "Failed" or "Error")
        {
            return new CheckResult(subject, CheckState.Failed, $"Sync{phase}", opMessage);
        }

        if (Find(application.Conditions, "ComparisonError") is { } comparison)
        {
            return new CheckResult(subject, CheckState.Failed, "ComparisonError", comparison.Message ?? string.Empty);
        }

        // Argo CD records the source it last compared against; until that is the current spec.source, sync and health are stale.
        if (application.ComparedSource is { } comparedSource && application.Source is { } source && !JsonElement.DeepEquals(comparedSource, source))
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

    /// <summary>The first condition of that type, or null.</summary>
    private static StatusCondition? Find(IReadOnlyList<StatusCondition> conditions, string type)
    {
        foreach (StatusCondition condition in conditions)
        {
            if (condition.Type == type)
            {
                return condition;
            }
        }

        return null;
    }
}
