namespace Slipway.GitOps;

/// <summary>An environment as the GitOps repository sees it.</summary>
/// <param name="Name">The environment (<c>staging</c>).</param>
/// <param name="Engine">Flux or Argo CD.</param>
/// <param name="SourceUrl">The repository URL the cluster's controllers fetch (for the local cluster: the bare repository's absolute path).</param>
/// <param name="Branch">The branch the cluster follows.</param>
public sealed record GitOpsEnvironment(string Name, GitOpsEngine Engine, string SourceUrl, string Branch)
{
    /// <summary>The folder of the environment's manifests (<c>gitops.path</c>), relative to the repository root; by default <c>clusters/&lt;name&gt;</c>.</summary>
    public string Path { get; init; } = GitOpsPaths.Cluster(Name);
}
