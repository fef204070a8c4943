namespace Slipway.GitOps;

/// <summary>
/// The settled layout of the GitOps repository (one repository for all environments). Each environment's manifests live
/// under its cluster folder (<c>gitops.path</c>, by default <see cref="Cluster"/>); the release logs under <c>releases/</c>.
/// </summary>
public static class GitOpsPaths
{
    /// <summary>The name of the Flux GitRepository every environment's Kustomization reads.</summary>
    public const string SourceName = "slipway-gitops";

    /// <summary>The default cluster folder of an environment: <c>clusters/&lt;env&gt;</c>.</summary>
    public static string Cluster(string environment) => $"clusters/{environment}";

    /// <summary>Flux bootstrap: GitRepository <see cref="SourceName"/> + Kustomization <c>&lt;env&gt;</c>.</summary>
    public static string FluxSync(string clusterPath) => $"{clusterPath}/flux-system/gotk-sync.yaml";

    /// <summary>Argo CD bootstrap: the root "app of apps" Applications of the environment.</summary>
    public static string ArgoRoot(string clusterPath) => $"{clusterPath}/argocd/root.yaml";

    public static string Bootstrap(string clusterPath, GitOpsEngine engine)
        => engine == GitOpsEngine.Flux ? FluxSync(clusterPath) : ArgoRoot(clusterPath);

    public static string Apps(string clusterPath) => $"{clusterPath}/apps";

    public static string Platform(string clusterPath) => $"{clusterPath}/platform";

    public static string PlatformRelease(string clusterPath, string release) => $"{clusterPath}/platform/{release}.yaml";

    public static string App(string clusterPath, string app, GitOpsEngine engine)
        => $"{clusterPath}/apps/{app}/{AppFile(engine)}";

    public static string AppFile(GitOpsEngine engine) => engine == GitOpsEngine.Flux ? "helm-release.yaml" : "application.yaml";

    public static string ReleaseLog(string environment) => $"releases/{environment}.yaml";
}
