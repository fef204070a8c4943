using Slipway.IO;

namespace Slipway.LocalCluster.Hosting;

/// <summary>
/// <c>clients.lock</c> (a <see cref="FileLock"/>): every process using a cluster another process serves holds it shared;
/// the serving process takes it exclusively before it stops, so it never stops serving under a run that is still using it.
/// </summary>
internal static class ClientsLock
{
    public const string FileName = "clients.lock";

    /// <summary>A shared hold, as a client; null while the server is stopping (it holds the lock exclusively).</summary>
    public static FileLock? TryShare(string stateDirectory) => FileLock.TryShared(Path.Combine(stateDirectory, FileName));

    /// <summary>The exclusive hold the server takes before it stops; null while any client holds it.</summary>
    public static FileLock? TryExclusive(string stateDirectory) => FileLock.TryExclusive(Path.Combine(stateDirectory, FileName));
}
