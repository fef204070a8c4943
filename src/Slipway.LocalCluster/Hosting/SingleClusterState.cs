using System.Globalization;
using Slipway.IO;

namespace Slipway.LocalCluster.Hosting;

/// <summary>
/// The state earlier versions kept for their one local cluster shared by every environment: <c>state.json</c>,
/// <c>endpoint.json</c> and <c>kubeconfig</c> directly in the shared folder. <see cref="SetAsideAsync"/> moves them into
/// <c>single-cluster.&lt;time&gt;/</c> (a name no cluster can have) and says so: the per-environment clusters start empty
/// rather than each taking a copy of every environment's objects, and nothing is deleted.
/// </summary>
public static class SingleClusterState
{
    public const string AsidePrefix = "single-cluster.";

    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(5);

    private static readonly string[] s_files = [StateFile.FileName, EndpointFile.FileName];

    /// <summary>Moves an earlier single cluster's files aside; returns the message to show, or null when there were none.</summary>
    /// <exception cref="SlipwayException">Refused (exit 3): an earlier version's run still serves that cluster.</exception>
    public static async Task<string?> SetAsideAsync(string sharedDirectory, DateTimeOffset now, CancellationToken cancellationToken)
    {
        string shared = Path.GetFullPath(sharedDirectory);
        DateTime deadline = DateTime.UtcNow + s_wait;
        while (File.Exists(Path.Combine(shared, StateFile.FileName)))
        {
            using (FileLock? held = StateLock.TryAcquire(shared))
            {
                if (held is not null)
                {
                    return Move(shared, now);
                }
            }

            if (DateTime.UtcNow >= deadline)
            {
                string server = EndpointFile.TryRead(shared) is EndpointFile endpoint ? $"pid {endpoint.ProcessId} at {endpoint.Url}" : "another process";
                throw SlipwayException.Refused(
                    $"The single local cluster of an earlier Slipway version is still served from {shared} by {server}. "
                    + "Stop that run (Ctrl+C), then run again: its state is set aside and every local environment gets its own cluster.");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    private static string? Move(string shared, DateTimeOffset now)
    {
        if (!File.Exists(Path.Combine(shared, StateFile.FileName)))
        {
            return null; // another process set it aside while this one waited for the lock
        }

        string aside = Path.Combine(shared, AsidePrefix + now.UtcDateTime.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(aside);
        foreach (string file in s_files.Where(f => File.Exists(Path.Combine(shared, f))))
        {
            File.Move(Path.Combine(shared, file), Path.Combine(aside, file));
        }

        // The kubeconfig's path is the shared one now: it goes aside only while it is still the single cluster's.
        string kubeconfig = Path.Combine(shared, Kubeconfig.FileName);
        if (File.Exists(kubeconfig) && Kubeconfig.ReadServers(File.ReadAllText(kubeconfig)).Keys.SequenceEqual([Kubeconfig.DefaultContextName]))
        {
            File.Move(kubeconfig, Path.Combine(aside, Kubeconfig.FileName));
        }

        return $"The local cluster that every environment shared (earlier versions) was moved to {aside}: each local environment now has its own "
            + "cluster (context slipway-<environment>), which starts empty. Deploy the environments you use again (e.g. ./build.sh DeployStaging); "
            + $"the old objects stay readable in {Path.Combine(aside, StateFile.FileName)}.";
    }
}
