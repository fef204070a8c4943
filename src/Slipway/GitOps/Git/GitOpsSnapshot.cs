namespace Slipway.GitOps.Git;

/// <summary>The text files of the GitOps branch at one commit, as fetched from the remote.</summary>
/// <param name="CommitSha">The commit read.</param>
/// <param name="Files">Repository-relative path (forward slashes) → text.</param>
public sealed record GitOpsSnapshot(string CommitSha, IReadOnlyDictionary<string, string> Files)
{
    public string? Read(string path) => Files.TryGetValue(path, out string? text) ? text : null;

    /// <summary>The paths under <paramref name="folder"/> (recursively), sorted.</summary>
    public IReadOnlyList<string> List(string folder)
    {
        string prefix = folder.TrimEnd('/') + "/";
        return Files.Keys.Where(p => p.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
    }
}
