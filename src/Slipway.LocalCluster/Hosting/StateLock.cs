using Slipway.IO;

namespace Slipway.LocalCluster.Hosting;

/// <summary>
/// The process-level lock on a state directory: <c>lock</c>, a <see cref="FileLock"/> held exclusively while this process
/// serves the cluster.
/// </summary>
internal static class StateLock
{
    public const string FileName = "lock";

    public static FileLock? TryAcquire(string stateDirectory) => FileLock.TryExclusive(Path.Combine(stateDirectory, FileName));
}
