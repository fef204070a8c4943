namespace Slipway.GitOps.Git;

/// <summary>
/// <c>repository: local</c>: a bare repository on this machine (by default
/// <c>&lt;root&gt;/.nuke/temp/gitops-remote.git</c>) that serves as the GitOps remote of the local cluster.
/// </summary>
public static class LocalGitOpsRemote
{
    public const string ReadmeText = """
        # GitOps repository (local)

        Written by Slipway. `clusters/<env>/` holds what each environment runs (Flux or Argo CD objects),
        `releases/<env>.yaml` the release log. Change it through Slipway's targets (SyncApps, DeployPlatform);
        hand edits and comments in the manifests are kept.

        """;

    /// <summary>
    /// Creates the bare repository with an initial commit (a README) on <paramref name="branch"/> when it does
    /// not exist yet; does nothing when it does. Returns its absolute path. Safe against a concurrent
    /// creator: the repository is built in a temp folder and renamed into place.
    /// </summary>
    public static Task<string> EnsureAsync(string bareRepositoryPath, string branch, CancellationToken cancellationToken, TimeProvider? time = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Git.LibGit2LocalRemote.Ensure(bareRepositoryPath, branch, ReadmeText, time ?? TimeProvider.System));
    }
}
