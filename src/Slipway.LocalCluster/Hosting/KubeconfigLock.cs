using Slipway.IO;

namespace Slipway.LocalCluster.Hosting;

/// <summary>
/// <c>&lt;kubeconfig&gt;.lock</c> (a <see cref="FileLock"/>): held while a cluster merges its context into the shared
/// kubeconfig, so two clusters starting at once never write over each other's entry. Held for a read and a write only; a
/// holder that keeps it longer than <see cref="s_wait"/> is reported.
/// </summary>
internal static class KubeconfigLock
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(5);

    public static async Task<FileLock> AcquireAsync(string kubeconfigPath, CancellationToken cancellationToken)
    {
        string path = kubeconfigPath + ".lock";
        return await FileLock.AcquireAsync(path, s_wait, TimeProvider.System, cancellationToken, s_poll).ConfigureAwait(false)
            ?? throw SlipwayException.Refused($"The kubeconfig {kubeconfigPath} is being written by another process: {path} has been held for {s_wait.TotalSeconds:0} s. Stop that process and try again.");
    }
}
