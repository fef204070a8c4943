namespace Slipway.GitOps.Git;

/// <summary>Changes the GitOps remote: every change is one commit pushed to the branch, never forced.</summary>
public interface IGitOpsRepository : IGitOpsRepositoryReader
{
    /// <summary>
    /// Fetches, resets the work tree to <c>origin/&lt;branch&gt;</c>, runs <paramref name="edit"/>, commits what it
    /// changed (message from its description plus trailers from <paramref name="info"/>) and pushes. When the
    /// push loses a race with another pusher the edit runs again on the new head (bounded retries with
    /// backoff). Nothing changed → no commit. On failure the work tree is reset to the remote branch.
    /// </summary>
    Task<PushResult> PushChangeAsync(
        Func<IGitOpsWorkTree, CancellationToken, Task<ChangeDescription?>> edit,
        CommitInfo info,
        CancellationToken cancellationToken);
}
