using Slipway.IO;
using Slipway.LocalCluster.Charts;
using Slipway.LocalCluster.Images;

namespace Slipway.LocalCluster.Hosting;

/// <summary>What the build's targets call: one method per target, printing through <see cref="ILog"/>.</summary>
public static class LocalClusterCommands
{
    /// <summary><c>./build.sh LocalCluster</c>: serves the clusters until Ctrl+C (see <see cref="LocalClusterHost.ServeAsync(IReadOnlyList{LocalClusterOptions}, ILog, CancellationToken)"/>).</summary>
    public static Task ServeAsync(IReadOnlyList<LocalClusterOptions> clusters, ILog log, CancellationToken cancellationToken)
        => LocalClusterHost.ServeAsync(clusters, log, cancellationToken);

    /// <summary>
    /// <c>./build.sh PublishImage --image web --tag staging-123 [--crash]</c>: adds the image to the catalogue a running or
    /// future local cluster reads, and prints its reference and digest.
    /// </summary>
    public static async Task<ImageEntry> PublishImageAsync(string catalogPath, string image, string tag, bool crash, ILog log, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(image))
        {
            throw SlipwayException.Input("PublishImage needs --image NAME (e.g. --image web).");
        }

        if (string.IsNullOrWhiteSpace(tag))
        {
            throw SlipwayException.Input("PublishImage needs --tag TAG (e.g. --tag staging-123).");
        }

        ImageEntry entry = await new ImageCatalog(catalogPath).PublishAsync(image, tag, crash, cancellationToken).ConfigureAwait(false);
        log.Info($"Published {entry.Reference} ({entry.Digest}){(crash ? ", marked crashing" : "")} to {catalogPath}.");
        return entry;
    }

    /// <summary>
    /// <c>./build.sh LocalCluster --reset --env X</c>: moves X's cluster state aside (<c>state.json.reset-…</c>) so the cluster starts empty.
    /// Refused (exit 3) while a process serves the cluster: it would write its state over the reset.
    /// </summary>
    public static void Reset(string stateDirectory, TimeProvider time, ILog log)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(log);
        string directory = Path.GetFullPath(stateDirectory);
        Directory.CreateDirectory(directory);
        using FileLock? held = StateLock.TryAcquire(directory);
        if (held is null)
        {
            throw SlipwayException.Refused($"The local cluster in {directory} is being served by {Server(directory)}; stop that run (Ctrl+C) before --reset.");
        }

        string? aside = StateFile.Reset(directory, time.GetUtcNow());
        log.Info(aside is null
            ? $"The local cluster in {directory} has no saved state; it starts empty."
            : $"Moved the local cluster state to {aside}; the cluster starts empty.");
    }

    /// <summary>
    /// Removes local cluster <paramref name="name"/> for good: its state folder (every object it held) and its context in the
    /// shared kubeconfig. False when neither was there. Refused (exit 3) while a process serves the cluster.
    /// </summary>
    public static async Task<bool> RemoveAsync(string sharedDirectory, string name, CancellationToken cancellationToken)
    {
        string directory = Path.GetFullPath(LocalClusterLayout.StateDirectory(sharedDirectory, name));
        bool removed = false;
        if (Directory.Exists(directory))
        {
            using (FileLock? held = StateLock.TryAcquire(directory))
            {
                if (held is null)
                {
                    throw SlipwayException.Refused($"The local cluster {name} ({directory}) is being served by {Server(directory)}; stop that run (Ctrl+C), then run this again.");
                }

                Directory.Delete(directory, recursive: true);
            }

            removed = true;
        }

        removed |= await Kubeconfig.RemoveAsync(LocalClusterLayout.KubeconfigPath(sharedDirectory), LocalClusterLayout.ContextName(name), cancellationToken).ConfigureAwait(false);
        return removed;
    }

    /// <summary>
    /// <c>./build.sh PublishChart --repository URL --chart NAME --version V</c>: adds the chart version to the mirror of that
    /// repository (what a chart push is to a real repository), so a HelmRepository for the URL can resolve it.
    /// </summary>
    public static async Task<string> PublishChartAsync(ChartMirror mirror, string repository, string chart, string version, ILog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        string path = await ChartPublisher.PublishAsync(mirror, repository, chart, version, TimeProvider.System.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        log.Info($"Published chart {chart} {version} to the mirror of {repository} ({mirror.Display(path)}).");
        log.Info("A HelmRepository for it sees the new version at its next interval; now with: kubectl annotate helmrepository NAME -n NAMESPACE --overwrite reconcile.fluxcd.io/requestedAt=\"$(date +%s)\"");
        return path;
    }

    /// <summary>Who serves the cluster in <paramref name="directory"/>: its endpoint file's process and URL, when it wrote one.</summary>
    private static string Server(string directory)
        => EndpointFile.TryRead(directory) is EndpointFile endpoint ? $"pid {endpoint.ProcessId} at {endpoint.Url}" : "another process";
}
