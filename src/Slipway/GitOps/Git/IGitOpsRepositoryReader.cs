namespace Slipway.GitOps.Git;

/// <summary>Read-only access to the GitOps remote.</summary>
public interface IGitOpsRepositoryReader
{
    /// <summary>The remote (credentials removed), for messages.</summary>
    string RemoteDisplay { get; }

    /// <summary>The branch the cluster follows.</summary>
    string Branch { get; }

    /// <summary>Fetches the branch and returns the text files at its head under the given folders (all files when none).</summary>
    Task<GitOpsSnapshot> ReadSnapshotAsync(IReadOnlyList<string> folders, CancellationToken cancellationToken);

    /// <summary>
    /// Returns, as of the last fetch (fetching only when the clone has none), the versions of the file at <paramref name="path"/>, newest first (each commit that
    /// changed its content, as <c>git log -- path</c> lists them), until <paramref name="keepReading"/> returns false for one.
    /// </summary>
    Task<IReadOnlyList<FileVersion>> ReadFileHistoryAsync(string path, Func<FileVersion, bool> keepReading, CancellationToken cancellationToken);

    /// <summary>
    /// Whether <paramref name="revision"/> (a commit id of the branch) is <paramref name="commit"/> or has it in its history,
    /// fetching first when the clone does not have it. With other runs pushing to the branch, a cluster may apply a later
    /// commit that includes this run's change and never this run's commit alone.
    /// </summary>
    Task<bool> ContainsAsync(string revision, string commit, CancellationToken cancellationToken);
}
