namespace Slipway.GitOps.Git;

/// <summary>
/// The checked-out GitOps repository during an edit. Paths are relative to the repository root with
/// forward slashes (<c>clusters/staging/apps/web/helm-release.yaml</c>); writes are atomic.
/// </summary>
public interface IGitOpsWorkTree
{
    /// <summary>The absolute path of the work tree.</summary>
    string RootPath { get; }

    /// <summary>The file's text, or null when it does not exist.</summary>
    Task<string?> ReadTextAsync(string relativePath, CancellationToken cancellationToken);

    /// <summary>Writes the file atomically (temp file + rename); writes nothing when it already holds exactly this text.</summary>
    Task WriteTextAsync(string relativePath, string contents, CancellationToken cancellationToken);

    /// <summary>Deletes the file or the folder with all it holds; false when there was nothing at that path.</summary>
    bool Delete(string relativePath);
}
