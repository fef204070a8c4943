using Slipway.IO;

namespace Slipway.GitOps.Git;

/// <summary>
/// The exclusive lock on the local clone (a <c>.lock</c> file next to it, a <see cref="FileLock"/>), so two Slipway
/// processes on one machine never fetch, reset or commit in the same clone at once. A folder that cannot be written is
/// said at once; a holder that keeps it past the timeout is a failure naming the file.
/// </summary>
internal static class CloneLock
{
    public static async Task<FileLock> AcquireAsync(string workDirectory, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        string path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(workDirectory)) + ".lock";
        WritableFolder.Ensure(Path.GetDirectoryName(path)!, "the GitOps clone's folder");
        FileLock? held;
        try
        {
            held = await FileLock.AcquireAsync(path, timeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (UnauthorizedAccessException e)
        {
            throw WriteFailure.From(path, e, "the GitOps clone's lock");
        }

        return held ?? throw SlipwayException.Failed(
            $"Another Slipway run has held the GitOps clone {workDirectory} for {timeout.TotalSeconds:0} s ({path}); wait for it to finish, then run the target again.");
    }
}
