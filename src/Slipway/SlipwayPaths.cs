namespace Slipway;

/// <summary>
/// Every path Slipway keeps under <c>&lt;root&gt;/.nuke/temp/</c>: a cache that can be deleted (nothing important lives
/// only there). The target engine's own files there (build stamp, continue state) are the engine's.
/// </summary>
public sealed record SlipwayPaths(string RootDirectory)
{
    /// <summary><c>&lt;root&gt;/.nuke/temp</c>.</summary>
    public string Temp => Path.Combine(RootDirectory, ".nuke", "temp");

    /// <summary>The bare repository that is the GitOps remote of <c>gitops.repository: local</c>.</summary>
    public string GitOpsRemote => Path.Combine(Temp, "gitops-remote.git");

    /// <summary>The clone of the GitOps repository that the deploy targets write to.</summary>
    public string GitOpsWorkDirectory => Path.Combine(Temp, "gitops");

    /// <summary>
    /// The folder of the repository's local clusters: one state folder per local environment (<c>&lt;env&gt;/</c>: state,
    /// lock, endpoint), and what they share: the kubeconfig with a context per environment, and the image catalogue.
    /// </summary>
    public string LocalCluster => Path.Combine(Temp, "local-cluster");

    /// <summary>Terraform's plugin cache, shared by every environment.</summary>
    public string TerraformPluginCache => Path.Combine(Temp, "terraform-plugin-cache");

    /// <summary>One environment's files: the saved plan, its summary and reports.</summary>
    public string Environment(string environment) => Path.Combine(Temp, environment);
}
