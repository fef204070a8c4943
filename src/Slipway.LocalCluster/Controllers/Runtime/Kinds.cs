using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Controllers.Runtime;

/// <summary>The kinds the controllers read and write, looked up once in the store's catalogue.</summary>
internal sealed class Kinds
{
    public Kinds(IResourceStore store)
    {
        Namespace = Find(store, "v1", "Namespace");
        Node = Find(store, "v1", "Node");
        Pod = Find(store, "v1", "Pod");
        Service = Find(store, "v1", "Service");
        Endpoints = Find(store, "v1", "Endpoints");
        EndpointSlice = Find(store, "discovery.k8s.io/v1", "EndpointSlice");
        ReplicaSet = Find(store, "apps/v1", "ReplicaSet");
        Secret = Find(store, "v1", "Secret");
        Event = Find(store, "v1", "Event");
        Deployment = Find(store, "apps/v1", "Deployment");
        GitRepository = Find(store, "source.toolkit.fluxcd.io/v1", "GitRepository");
        HelmRepository = Find(store, "source.toolkit.fluxcd.io/v1", "HelmRepository");
        Kustomization = Find(store, "kustomize.toolkit.fluxcd.io/v1", "Kustomization");
        HelmRelease = Find(store, "helm.toolkit.fluxcd.io/v2", "HelmRelease");
        Application = Find(store, "argoproj.io/v1alpha1", "Application");
    }

    public ResourceType Namespace { get; }

    public ResourceType Node { get; }

    public ResourceType Pod { get; }

    public ResourceType Service { get; }

    public ResourceType Endpoints { get; }

    public ResourceType EndpointSlice { get; }

    public ResourceType ReplicaSet { get; }

    public ResourceType Secret { get; }

    public ResourceType Event { get; }

    public ResourceType Deployment { get; }

    public ResourceType GitRepository { get; }

    public ResourceType HelmRepository { get; }

    public ResourceType Kustomization { get; }

    public ResourceType HelmRelease { get; }

    public ResourceType Application { get; }

    private static ResourceType Find(IResourceStore store, string apiVersion, string kind)
        => store.FindTypeByKind(apiVersion, kind)
            ?? throw new InvalidOperationException($"The store does not serve {kind} ({apiVersion}); the controllers need it.");
}
