using Slipway.LocalCluster.Images;

namespace Slipway.LocalCluster.Hosting;

/// <summary>What the build's targets call: one method per target, printing through <see cref="ILog"/>.</summary>
public static class LocalClusterCommands
{
    /// <summary><c>./build.sh LocalCluster</c>: serves until Ctrl+C (see <see cref="LocalClusterHost.ServeAsync"/>).</summary>
    public static Task ServeAsync(LocalClusterOptions options, ILog log, CancellationToken cancellationToken)
        => LocalClusterHost.ServeAsync(options, log, cancellationToken);

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
}
