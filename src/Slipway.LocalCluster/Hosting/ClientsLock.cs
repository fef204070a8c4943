namespace Slipway.LocalCluster.Hosting;

/// <summary>
/// <c>clients.lock</c>: every process using a cluster another process serves holds a shared lock on it (a shared
/// <c>flock</c>, released by the OS if that process dies); the serving process takes it exclusively before it stops, so it
/// never stops serving under a run that is still using it.
/// </summary>
internal sealed class ClientsLock : IDisposable
{
    public const string FileName = "clients.lock";

    private readonly FileStream _stream;

    private ClientsLock(FileStream stream)
    {
        _stream = stream;
    }

    /// <summary>A shared hold, as a client; null while the server is stopping (it holds the lock exclusively).</summary>
    public static ClientsLock? TryShare(string stateDirectory) => TryOpen(stateDirectory, FileAccess.Read, FileShare.ReadWrite);

    /// <summary>The exclusive hold the server takes before it stops; null while any client holds it.</summary>
    public static ClientsLock? TryExclusive(string stateDirectory) => TryOpen(stateDirectory, FileAccess.ReadWrite, FileShare.None);

    public void Dispose() => _stream.Dispose();

    private static ClientsLock? TryOpen(string stateDirectory, FileAccess access, FileShare share)
    {
        try
        {
            string path = Path.Combine(stateDirectory, FileName);
            if (!File.Exists(path))
            {
                using (new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite))
                {
                }
            }

            return new ClientsLock(new FileStream(path, FileMode.Open, access, share));
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
}
