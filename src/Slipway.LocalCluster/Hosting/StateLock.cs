namespace Slipway.LocalCluster.Hosting;

/// <summary>
/// The process-level lock on a state directory: <c>lock</c> opened with <see cref="FileShare.None"/> (an exclusive
/// <c>flock</c> on Unix), held while this process serves the cluster and released by the OS if the process dies. The file
/// itself is never deleted, so two processes can never lock two different files of the same name.
/// </summary>
internal sealed class StateLock : IDisposable
{
    public const string FileName = "lock";

    private readonly FileStream _stream;

    private StateLock(FileStream stream)
    {
        _stream = stream;
    }

    public static StateLock? TryAcquire(string stateDirectory)
    {
        try
        {
            var stream = new FileStream(Path.Combine(stateDirectory, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return new StateLock(stream);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
