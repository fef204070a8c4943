namespace Slipway.LocalCluster.Store;

/// <summary>The field managers of the local cluster's own writers, as <c>metadata.managedFields</c> names them.</summary>
public static class FieldManagers
{
    /// <summary>A write through <see cref="IResourceStore"/> that named no manager (tests, state import).</summary>
    public const string Unnamed = "slipway-local-cluster";

    /// <summary>
    /// The manager a controller of the local cluster writes as, named after the real component that does its work:
    /// <c>kube-controller-manager</c> (Deployments), <c>kubelet</c> (nodes, pods), <c>source-controller</c>,
    /// <c>kustomize-controller</c>, <c>helm-controller</c>, <c>argocd-controller</c>; other controllers by their class name.
    /// </summary>
    public static string ForController(string controllerTypeName) => controllerTypeName switch
    {
        "DeploymentController" => "kube-controller-manager",
        "KubeletController" or "NodeController" => "kubelet",
        "GitRepositoryController" or "HelmRepositoryController" => "source-controller",
        "KustomizationController" => "kustomize-controller",
        "HelmReleaseController" => "helm-controller",
        "ApplicationController" => "argocd-controller",
        _ => controllerTypeName,
    };
}
