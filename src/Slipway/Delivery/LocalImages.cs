using Slipway.Environments;
using Slipway.Environments.Settings;

namespace Slipway.Delivery;

/// <summary>
/// The images the local cluster's catalogue starts with: every app image and tag that an environment on the local
/// cluster names, as if CI had published them. Later tags are added with <c>./build.sh PublishImage</c>.
/// </summary>
public static class LocalImages
{
    public static async Task<IReadOnlyList<string>> FromEnvironmentsAsync(string rootDirectory, CancellationToken cancellationToken)
    {
        EnvironmentCatalog catalog = await EnvironmentCatalog.LoadAsync(rootDirectory, cancellationToken).ConfigureAwait(false);
        var images = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string name in catalog.Names)
        {
            try
            {
                EnvironmentSettings settings = EnvironmentSettings.From(catalog.Resolve(name));
                if (settings.Cluster.Local)
                {
                    images.UnionWith(settings.Apps.Values.Select(static a => a.ImageReference));
                }
            }
            catch (SlipwayException)
            {
                // an environment that does not resolve contributes nothing; Validate reports it
            }
        }

        return [.. images];
    }
}
