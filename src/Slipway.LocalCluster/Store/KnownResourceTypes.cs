namespace Slipway.LocalCluster.Store;

/// <summary>The kinds the local cluster serves: the Kubernetes core kinds Slipway touches, plus Flux and Argo CD resources.</summary>
public static class KnownResourceTypes
{
    public static ResourceType Namespace { get; } = new("", "v1", "Namespace", "namespaces", Namespaced: false);

    public static ResourceType Node { get; } = new("", "v1", "Node", "nodes", Namespaced: false);

    public static ResourceType Pod { get; } = new("", "v1", "Pod", "pods", Namespaced: true);

    public static ResourceType Service { get; } = new("", "v1", "Service", "services", Namespaced: true);

    /// <summary>Written by the endpoints controller from the ready pods a Service selects.</summary>
    public static ResourceType Endpoints { get; } = new("", "v1", "Endpoints", "endpoints", Namespaced: true);

    public static ResourceType ConfigMap { get; } = new("", "v1", "ConfigMap", "configmaps", Namespaced: true);

    public static ResourceType Secret { get; } = new("", "v1", "Secret", "secrets", Namespaced: true);

    public static ResourceType Event { get; } = new("", "v1", "Event", "events", Namespaced: true);

    /// <summary>The same objects as <see cref="Event"/> seen through <c>events.k8s.io/v1</c> (see <see cref="Views"/>).</summary>
    public static ResourceType EventsV1 { get; } = new("events.k8s.io", "v1", "Event", "events", Namespaced: true);

    public static ResourceType Deployment { get; } = new("apps", "v1", "Deployment", "deployments", Namespaced: true);

    /// <summary>A Deployment's pods of one template, written by the deployment controller (see <c>DeploymentController</c>).</summary>
    public static ResourceType ReplicaSet { get; } = new("apps", "v1", "ReplicaSet", "replicasets", Namespaced: true);

    /// <summary><c>kubectl create job</c>'s kind: stored and served; no Job controller runs it, so it starts no pods.</summary>
    public static ResourceType Job { get; } = new("batch", "v1", "Job", "jobs", Namespaced: true);

    /// <summary>Written by the endpoints controller next to <see cref="Endpoints"/>, one slice per Service.</summary>
    public static ResourceType EndpointSlice { get; } = new("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", Namespaced: true);

    public static ResourceType Lease { get; } = new("coordination.k8s.io", "v1", "Lease", "leases", Namespaced: true);

    public static ResourceType GitRepository { get; } = new("source.toolkit.fluxcd.io", "v1", "GitRepository", "gitrepositories", Namespaced: true);

    public static ResourceType Kustomization { get; } = new("kustomize.toolkit.fluxcd.io", "v1", "Kustomization", "kustomizations", Namespaced: true);

    /// <summary>Flux's chart source: its index is fetched from the local cluster's chart mirror (a HelmRelease resolves its chart version there).</summary>
    public static ResourceType HelmRepository { get; } = new("source.toolkit.fluxcd.io", "v1", "HelmRepository", "helmrepositories", Namespaced: true);

    public static ResourceType HelmRelease { get; } = new("helm.toolkit.fluxcd.io", "v2", "HelmRelease", "helmreleases", Namespaced: true);

    /// <summary>Flux image automation: stored and served (no controller writes tags back here); a rollback suspends it and Resume undoes that.</summary>
    public static ResourceType ImageUpdateAutomation { get; } = new("image.toolkit.fluxcd.io", "v1beta2", "ImageUpdateAutomation", "imageupdateautomations", Namespaced: true);

    public static ResourceType Application { get; } = new("argoproj.io", "v1alpha1", "Application", "applications", Namespaced: true);

    /// <summary>
    /// <c>apiextensions.k8s.io/v1</c> CustomResourceDefinitions: one for each custom kind built in (Flux, Argo CD), and those a
    /// user creates, whose kinds are then served generically (see <see cref="CustomResourceDefinitions"/>).
    /// </summary>
    public static ResourceType CustomResourceDefinition { get; } = new("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", Namespaced: false);

    /// <summary>Every served kind, core group first.</summary>
    public static IReadOnlyList<ResourceType> All { get; } =
    [
        Namespace, Node, Pod, Service, Endpoints, ConfigMap, Secret, Event, Deployment, ReplicaSet, Job, EndpointSlice, EventsV1, Lease, GitRepository, HelmRepository, Kustomization, HelmRelease, ImageUpdateAutomation, Application,
        CustomResourceDefinition,
    ];

    /// <summary>The kinds served as another kind's objects (the store keeps only the source kind).</summary>
    public static IReadOnlyDictionary<ResourceType, ResourceView> Views { get; } = new Dictionary<ResourceType, ResourceView>
    {
        [EventsV1] = new ResourceView(Event, EventConversion.ToEventsV1, EventConversion.ToCore),
    };

    /// <summary>The namespaces a fresh cluster has.</summary>
    public static IReadOnlyList<string> InitialNamespaces { get; } = ["default", "kube-system", "kube-public", "kube-node-lease"];

    /// <summary>kubectl short names (<c>kubectl get deploy</c>).</summary>
    public static IReadOnlyList<string> ShortNames(ResourceType type) => type.Plural switch
    {
        "namespaces" => ["ns"],
        "nodes" => ["no"],
        "pods" => ["po"],
        "services" => ["svc"],
        "configmaps" => ["cm"],
        "events" => ["ev"],
        "deployments" => ["deploy"],
        "replicasets" => ["rs"],
        "endpoints" => ["ep"],
        "gitrepositories" => ["gitrepo"],
        "kustomizations" => ["ks"],
        "helmreleases" => ["hr"],
        "helmrepositories" => ["helmrepo"],
        "applications" => ["app", "apps"],
        "customresourcedefinitions" => ["crd", "crds"],
        _ => [],
    };

    /// <summary>The categories of a built-in kind (<c>kubectl get all</c> lists the <c>all</c> category).</summary>
    public static IReadOnlyList<string> Categories(ResourceType type) => type.Plural switch
    {
        "pods" or "services" or "deployments" or "jobs" when !CustomResourceDefinitions.IsCustom(type) => ["all"],
        "customresourcedefinitions" => ["api-extensions"],
        _ => [],
    };
}
