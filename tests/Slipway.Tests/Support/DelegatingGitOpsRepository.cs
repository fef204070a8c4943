using Slipway.GitOps.Git;

namespace Slipway.Tests.Support;

/// <summary>A GitOps repository passing every call to <paramref name="inner"/>; a test overrides the push to watch or disturb it.</summary>
public abstract class DelegatingGitOpsRepository(IGitOpsRepository inner) : IGitOpsRepository
{
    public string RemoteDisplay => inner.RemoteDisplay;

    public string Branch => inner.Branch;

    public Task<GitOpsSnapshot> ReadSnapshotAsync(IReadOnlyList<string> folders, CancellationToken cancellationToken)
        => inner.ReadSnapshotAsync(folders, cancellationToken);

    public Task<bool> ContainsAsync(string revision, string commit, CancellationToken cancellationToken)
        => inner.ContainsAsync(revision, commit, cancellationToken);

    public Task<IReadOnlyList<FileVersion>> ReadFileHistoryAsync(string path, Func<FileVersion, bool> keepReading, CancellationToken cancellationToken)
        => inner.ReadFileHistoryAsync(path, keepReading, cancellationToken);

    public virtual Task<PushResult> PushChangeAsync(Func<IGitOpsWorkTree, CancellationToken, Task<ChangeDescription?>> edit, CommitInfo info, CancellationToken cancellationToken)
        => inner.PushChangeAsync(edit, info, cancellationToken);
}
