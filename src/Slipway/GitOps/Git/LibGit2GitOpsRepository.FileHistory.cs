using LibGit2Sharp;

namespace Slipway.GitOps.Git;

internal sealed partial class LibGit2GitOpsRepository
{
    public async Task<IReadOnlyList<FileVersion>> ReadFileHistoryAsync(string path, Func<FileVersion, bool> keepReading, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using IO.FileLock cloneLock = await CloneLock.AcquireAsync(WorkDirectory, _options.NetworkTimeout, _time, cancellationToken).ConfigureAwait(false);
            string tip = await RunGitAsync("Reading the history of", token =>
            {
                using Repository repository = OpenFetched(token);
                return OriginTip(repository).Sha;
            }, cancellationToken).ConfigureAwait(false);
            var log = new FileHistoryLog(_processRunner, WorkDirectory, _options.NetworkTimeout);
            await log.UpdateCommitGraphAsync(tip, cancellationToken).ConfigureAwait(false);
            try
            {
                IReadOnlyList<FileVersion> all = await new FileHistoryCache(WorkDirectory, log).ReadAsync(tip, path, cancellationToken).ConfigureAwait(false);
                var versions = new List<FileVersion>();
                foreach (FileVersion version in all)
                {
                    versions.Add(version);
                    if (!keepReading(version))
                    {
                        break;
                    }
                }

                return versions;
            }
            catch (Exception error) when (error is EndOfStreamException or InvalidDataException or IOException)
            {
                throw SlipwayException.Failed($"Reading the history of {path} in the GitOps clone {WorkDirectory} failed: {error.Message} Run the target again; if it keeps failing, delete the clone (it is a cache).", error);
            }
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
