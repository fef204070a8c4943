namespace Slipway.LocalCluster.Controllers.Runtime;

/// <summary>Who reports an Event: the component (<c>kubelet</c>, <c>default-scheduler</c>, <c>helm-controller</c>…) and, for a kubelet, its node.</summary>
internal sealed record EventSource(string Component, string? Host = null)
{
    public static EventSource Scheduler { get; } = new("default-scheduler");

    public static EventSource DeploymentController { get; } = new("deployment-controller");

    public static EventSource ReplicaSetController { get; } = new("replicaset-controller");

    public static EventSource HelmController { get; } = new("helm-controller");

    public static EventSource SourceController { get; } = new("source-controller");

    public static EventSource KustomizeController { get; } = new("kustomize-controller");

    public static EventSource ArgoCdApplicationController { get; } = new("argocd-application-controller");

    public static EventSource Kubelet(string? node) => new("kubelet", node);
}
