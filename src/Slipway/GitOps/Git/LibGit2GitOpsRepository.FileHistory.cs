using LibGit2Sharp;

namespace Slipway.GitOps.Git;

internal sealed partial class LibGit2GitOpsRepository
{
    public async Task<IReadOnlyList<FileVersion>> ReadFileHistoryAsync(string path, Func<FileVersion, bool> keepReading, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using CloneLock cloneLock = await CloneLock.AcquireAsync(WorkDirectory, _options.NetworkTimeout, _time, cancellationToken).ConfigureAwait(false);
            return await RunGitAsync("Reading the history of", token =>
            {
                using Repository repository = OpenFetched(token);
                return FileHistoryWalk.Read(repository, OriginTip(repository), path, keepReading, token);
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The clone as last fetched (a read of history follows the snapshot that fetched); fetched now when it has no origin branch yet.</summary>
    private Repository OpenFetched(CancellationToken cancellationToken)
    {
        if (Repository.IsValid(WorkDirectory))
        {
            var repository = new Repository(WorkDirectory);
            if (repository.Refs[OriginRef] is not null)
            {
                return repository;
            }

            repository.Dispose();
        }

        return OpenAndFetch(cancellationToken);
    }
}
