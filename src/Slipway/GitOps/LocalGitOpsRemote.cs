using LibGit2Sharp;

namespace Slipway.GitOps;

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
        string path = Path.GetFullPath(bareRepositoryPath);
        if (Repository.IsValid(path))
        {
            using var existing = new Repository(path);
            if (existing.Refs[$"refs/heads/{branch}"] is not null)
            {
                return Task.FromResult(path);
            }

            CreateInitialCommit(existing, branch, time ?? TimeProvider.System);
            return Task.FromResult(path);
        }

        if (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any())
        {
            throw SlipwayException.Input($"{path} exists but is not a git repository; move it away or delete it so Slipway can create the local GitOps remote there.");
        }

        string parent = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(parent);
        string temp = Path.Combine(parent, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Repository.Init(temp, isBare: true);
            using (var repository = new Repository(temp))
            {
                CreateInitialCommit(repository, branch, time ?? TimeProvider.System);
            }

            if (Directory.Exists(path))
            {
                Directory.Delete(path);
            }

            Directory.Move(temp, path);
        }
        catch (IOException) when (Repository.IsValid(path))
        {
            // Another process created it first: use theirs.
        }
        finally
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }

        return Task.FromResult(path);
    }

    private static void CreateInitialCommit(Repository repository, string branch, TimeProvider time)
    {
        Blob readme = repository.ObjectDatabase.CreateBlob(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ReadmeText)));
        var tree = new TreeDefinition();
        tree.Add("README.md", readme, Mode.NonExecutableFile);
        var signature = new Signature("Slipway", "slipway@localhost", time.GetUtcNow());
        Commit commit = repository.ObjectDatabase.CreateCommit(
            signature, signature, "Initialize the GitOps repository\n", repository.ObjectDatabase.CreateTree(tree), [], prettifyMessage: false);
        repository.Refs.Add($"refs/heads/{branch}", commit.Id);
        repository.Refs.UpdateTarget("HEAD", $"refs/heads/{branch}");
    }
}
