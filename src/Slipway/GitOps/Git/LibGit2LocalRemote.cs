using LibGit2Sharp;
using Slipway.IO;

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
        string temp = Path.Combine(parent, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(parent);
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
        catch (Exception error) when (WriteFailure.Is(error) || error is LibGit2SharpException)
        {
            throw WriteFailure.From(path, error, "the local GitOps remote");
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

    public static bool IsRepository(string path) => Repository.IsValid(path);

    /// <summary>The commit the clone last fetched of <paramref name="branch"/>, or null (no clone, no such branch).</summary>
    public static string? PreviousHead(string clonePath, string branch)
    {
        try
        {
            if (!Repository.IsValid(clonePath))
            {
                return null;
            }

            using var clone = new Repository(clonePath);
            return clone.Refs[$"refs/remotes/origin/{branch}"]?.ResolveToDirectReference()?.TargetIdentifier;
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
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
