using Slipway.IO;

namespace Slipway.GitOps.Git;

/// <summary>A work tree rooted at a folder; refuses paths that leave it.</summary>
public sealed class GitOpsWorkTree : IGitOpsWorkTree
{
    public GitOpsWorkTree(string rootPath)
    {
        RootPath = Path.GetFullPath(rootPath);
    }

    public string RootPath { get; }

    public async Task<string?> ReadTextAsync(string relativePath, CancellationToken cancellationToken)
    {
        string path = Resolve(relativePath);
        return File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : null;
    }

    public async Task WriteTextAsync(string relativePath, string contents, CancellationToken cancellationToken)
    {
        string path = Resolve(relativePath);
        if (File.Exists(path) && await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) == contents)
        {
            return;
        }

        await AtomicFile.WriteAllTextAsync(path, contents, cancellationToken).ConfigureAwait(false);
    }

    public bool Delete(string relativePath)
    {
        string path = Resolve(relativePath);
        if (path == RootPath)
        {
            throw new ArgumentException("The GitOps work tree itself is not deleted, only paths inside it.", nameof(relativePath));
        }

        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
            return true;
        }

        if (File.Exists(path))
        {
            File.Delete(path);
            return true;
        }

        return false;
    }

    private string Resolve(string relativePath)
    {
        string path = Path.GetFullPath(Path.Combine(RootPath, relativePath));
        string root = RootPath.EndsWith(Path.DirectorySeparatorChar) ? RootPath : RootPath + Path.DirectorySeparatorChar;
        if (!path.StartsWith(root, StringComparison.Ordinal) || path.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{relativePath}' is not a path inside the GitOps work tree.", nameof(relativePath));
        }

        return path;
    }
}
