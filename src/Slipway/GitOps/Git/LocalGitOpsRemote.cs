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

    /// <summary>Whether the bare repository is there already (a run that creates it says so: <see cref="CreatedWarning"/>).</summary>
    public static bool Exists(string bareRepositoryPath) => LibGit2LocalRemote.IsRepository(Path.GetFullPath(bareRepositoryPath));

    /// <summary>
    /// What a run that had to create the repository says, loudly: history and release numbering start over; when Slipway's
    /// clone still has the old branch, the command that puts it back instead.
    /// </summary>
    public static string CreatedWarning(string bareRepositoryPath, string clonePath, string branch, string environment)
    {
        string created = $"A NEW GitOps repository was created at {bareRepositoryPath}: its history starts over, and the release log "
            + $"releases/{environment}.yaml with it (the next release is {environment}-1).";
        return LibGit2LocalRemote.PreviousHead(clonePath, branch) is { } head
            ? created + $" The clone {clonePath} still has the old history (origin/{branch} at {head[..12]}). If the repository was deleted by mistake, "
                + $"stop this run (Ctrl+C) and restore it with: rm -rf {bareRepositoryPath} && git init -q --bare {bareRepositoryPath} && git -C {clonePath} push -q {bareRepositoryPath} +{head}:refs/heads/{branch}"
            : created + " If an older repository existed, restore it from a backup before the next deploy.";
    }

    /// <summary>
    /// A <c>gitops.repository</c> that is a path (or file:// URL) must exist: a missing one is bad input (exit 2), found before
    /// anything is written — not a fetch failure after the deploy lease was taken.
    /// </summary>
    public static void RequireExistingPath(string remote, string environment)
    {
        string? path = remote.StartsWith("file://", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(remote, UriKind.Absolute, out Uri? uri)
            ? uri.LocalPath
            : remote.Contains("://", StringComparison.Ordinal) || (remote.Contains('@') && remote.Contains(':')) ? null : Path.GetFullPath(remote);
        if (path is not null && !Directory.Exists(path))
        {
            throw SlipwayException.Input(
                $"gitops.repository '{remote}' of environment {environment} does not exist ({path}). Set gitops.repository in environments/{environment}/env.yaml "
                + $"(or the layer it extends) to an existing repository, use 'local' for Slipway's own, or create it with: git init --bare {path}");
        }
    }
}
