namespace Slipway.GitOps.Git;

/// <summary>
/// An exclusive lock on the local clone (a <c>.lock</c> file next to it, opened with <see cref="FileShare.None"/>),
/// so two Slipway processes on one machine never fetch, reset or commit in the same clone at once. The
/// operating system releases it when the process ends, even on a crash. A folder that cannot be written is said at once.
/// </summary>
internal sealed class CloneLock : IDisposable
{
    private readonly FileStream _stream;

    private CloneLock(FileStream stream)
    {
        _stream = stream;
    }

    public static async Task<CloneLock> AcquireAsync(string workDirectory, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        string path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(workDirectory)) + ".lock";
        IO.WritableFolder.Ensure(Path.GetDirectoryName(path)!, "the GitOps clone's folder");
        DateTimeOffset deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            try
            {
                return new CloneLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (UnauthorizedAccessException e)
            {
                throw IO.WriteFailure.From(path, e, "the GitOps clone's lock");
            }
            catch (IOException) when (time.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw SlipwayException.Failed(
                    $"Another Slipway run has held the GitOps clone {workDirectory} for {timeout.TotalSeconds:0} s ({path}); wait for it to finish, then run the target again.",
                    e);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
