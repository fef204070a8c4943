using LibGit2Sharp;

namespace Slipway.GitOps.Git;

/// <summary>Creates the local bare GitOps remote with LibGit2Sharp (see <see cref="LocalGitOpsRemote"/>).</summary>
internal static class LibGit2LocalRemote
{
    public static string Ensure(string bareRepositoryPath, string branch, string readme, TimeProvider time)
    {
        string path = Path.GetFullPath(bareRepositoryPath);
        if (Repository.IsValid(path))
        {
            using var existing = new Repository(path);
            if (existing.Refs[$"refs/heads/{branch}"] is not null)
            {
                return path;
            }

            CreateInitialCommit(existing, branch, readme, time);
            return path;
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
                CreateInitialCommit(repository, branch, readme, time);
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

        return path;
    }

    private static void CreateInitialCommit(Repository repository, string branch, string readme, TimeProvider time)
    {
        Blob readmeBlob = repository.ObjectDatabase.CreateBlob(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(readme)));
        var tree = new TreeDefinition();
        tree.Add("README.md", readmeBlob, Mode.NonExecutableFile);
        var signature = new Signature("Slipway", "slipway@localhost", time.GetUtcNow());
        Commit commit = repository.ObjectDatabase.CreateCommit(
            signature, signature, "Initialize the GitOps repository\n", repository.ObjectDatabase.CreateTree(tree), [], prettifyMessage: false);
        repository.Refs.Add($"refs/heads/{branch}", commit.Id);
        repository.Refs.UpdateTarget("HEAD", $"refs/heads/{branch}");
    }
}
