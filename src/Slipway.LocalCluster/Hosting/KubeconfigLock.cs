namespace Slipway.LocalCluster.Hosting;

/// <summary>
/// <c>&lt;kubeconfig&gt;.lock</c>: held (an exclusive <c>flock</c>, released by the OS if the process dies) while a cluster
/// merges its context into the shared kubeconfig, so two clusters starting at once never write over each other's entry.
/// Held for a read and a write only; a holder that keeps it longer than <see cref="s_wait"/> is reported.
/// </summary>
internal sealed class KubeconfigLock : IDisposable
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(5);

    private readonly FileStream _stream;

    private KubeconfigLock(FileStream stream)
    {
        _stream = stream;
    }

    public static async Task<KubeconfigLock> AcquireAsync(string kubeconfigPath, CancellationToken cancellationToken)
    {
        string path = kubeconfigPath + ".lock";
        DateTime deadline = DateTime.UtcNow + s_wait;
        while (true)
        {
            try
            {
                return new KubeconfigLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(s_poll, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw SlipwayException.Refused($"The kubeconfig {kubeconfigPath} is being written by another process: {path} has been held for {s_wait.TotalSeconds:0} s ({ex.Message}). Stop that process and try again.");
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
