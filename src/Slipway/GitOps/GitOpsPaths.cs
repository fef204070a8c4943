namespace Slipway.GitOps;

/// <summary>The settled layout of the GitOps repository (one repository for all environments).</summary>
public static class GitOpsPaths
{
    /// <summary>The name of the Flux GitRepository every environment's Kustomization reads.</summary>
    public const string SourceName = "slipway-gitops";

    public static string Cluster(string environment) => $"clusters/{environment}";

    /// <summary>Flux bootstrap: GitRepository <see cref="SourceName"/> + Kustomization <c>&lt;env&gt;</c>.</summary>
    public static string FluxSync(string environment) => $"clusters/{environment}/flux-system/gotk-sync.yaml";

    /// <summary>Argo CD bootstrap: the root "app of apps" Applications of the environment.</summary>
    public static string ArgoRoot(string environment) => $"clusters/{environment}/argocd/root.yaml";

    public static string Bootstrap(string environment, GitOpsEngine engine)
        => engine == GitOpsEngine.Flux ? FluxSync(environment) : ArgoRoot(environment);

    public static string Apps(string environment) => $"clusters/{environment}/apps";

    public static string Platform(string environment) => $"clusters/{environment}/platform";

    public static string PlatformRelease(string environment, string release) => $"clusters/{environment}/platform/{release}.yaml";

    public static string App(string environment, string app, GitOpsEngine engine)
        => $"clusters/{environment}/apps/{app}/{AppFile(engine)}";

    public static string AppFile(GitOpsEngine engine) => engine == GitOpsEngine.Flux ? "helm-release.yaml" : "application.yaml";

    public static string ReleaseLog(string environment) => $"releases/{environment}.yaml";
}
