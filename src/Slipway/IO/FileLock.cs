namespace Slipway.IO;

/// <summary>
/// An advisory lock held as an open file: opened with <see cref="FileShare.None"/> it is exclusive (an exclusive <c>flock</c>
/// on Unix), opened for reading with <see cref="FileShare.ReadWrite"/> it is shared. The operating system releases it when
/// the process ends, even on a crash. The file itself is never deleted, so two processes can never lock two different
/// files of the same name. The one primitive behind the GitOps clone's lock and the local cluster's state, clients and
/// kubeconfig locks; each of those names its file and says what holding it means.
/// </summary>
public sealed class FileLock : IDisposable
{
    private static readonly TimeSpan s_defaultPoll = TimeSpan.FromMilliseconds(100);

    private readonly FileStream _stream;

    private FileLock(FileStream stream)
    {
        _stream = stream;
    }

    /// <summary>The lock file's full path.</summary>
    public string Path => _stream.Name;

    /// <summary>Holds <paramref name="path"/> exclusively, or null at once when another holder (or a permission) stands in the way.</summary>
    public static FileLock? TryExclusive(string path)
        => TryOpen(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

    /// <summary>Holds <paramref name="path"/> shared with other shared holders (creating it first), or null while it is held exclusively.</summary>
    public static FileLock? TryShared(string path)
    {
        if (!File.Exists(path) && TryOpen(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite) is FileLock created)
        {
            created.Dispose();
        }

        return TryOpen(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
    }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for an exclusive hold on <paramref name="path"/>, trying every
    /// <paramref name="poll"/> (100 ms when null); null when it is still held then. A folder or file this process may not
    /// write throws <see cref="UnauthorizedAccessException"/> at once: waiting would not change it.
    /// </summary>
    public static async Task<FileLock?> AcquireAsync(string path, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken, TimeSpan? poll = null)
    {
        DateTimeOffset deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            try
            {
                return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (time.GetUtcNow() < deadline)
            {
                await Task.Delay(poll ?? s_defaultPoll, time, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    public void Dispose() => _stream.Dispose();

    private static FileLock? TryOpen(string path, FileMode mode, FileAccess access, FileShare share)
    {
        try
        {
            return new FileLock(new FileStream(path, mode, access, share));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
