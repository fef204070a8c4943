using LibGit2Sharp;

namespace Slipway.GitOps.Git;

internal sealed partial class LibGit2GitOpsRepository
{
    public async Task<bool> ContainsAsync(string revision, string commit, CancellationToken cancellationToken)
    {
        if (!ObjectId.TryParse(revision, out ObjectId? later) || !ObjectId.TryParse(commit, out ObjectId? ours))
        {
            return false;
        }

        if (later == ours)
        {
            return true;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using IO.FileLock cloneLock = await CloneLock.AcquireAsync(WorkDirectory, _options.NetworkTimeout, _time, cancellationToken).ConfigureAwait(false);
            return await RunGitAsync("Fetching from", token =>
            {
                using Repository repository = HasCommit(later) ? new Repository(WorkDirectory) : OpenAndFetch(token);
                return repository.Lookup<Commit>(later) is { } laterCommit
                    && repository.Lookup<Commit>(ours) is { } ourCommit
                    && repository.ObjectDatabase.FindMergeBase(laterCommit, ourCommit)?.Id == ours;
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Whether the clone has the commit already (no fetch needed).</summary>
    private bool HasCommit(ObjectId id)
    {
        if (!Repository.IsValid(WorkDirectory))
        {
            return false;
        }

        using var repository = new Repository(WorkDirectory);
        return repository.Lookup<Commit>(id) is not null;
    }
}
