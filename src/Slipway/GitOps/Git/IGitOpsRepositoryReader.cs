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
}
