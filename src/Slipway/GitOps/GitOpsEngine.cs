namespace Slipway.GitOps;

/// <summary>Which GitOps controller applies the repository in the cluster.</summary>
public enum GitOpsEngine
{
    /// <summary>Flux: HelmRelease manifests, a GitRepository and a Kustomization per environment.</summary>
    Flux,

    /// <summary>Argo CD: Application manifests, and root "app of apps" Applications per environment.</summary>
    ArgoCd,
}
