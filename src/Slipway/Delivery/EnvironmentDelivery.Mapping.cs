using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Cluster.Connection;
using Slipway.Environments;
using Slipway.Environments.Settings;
using Slipway.GitOps;
using Slipway.GitOps.Manifests;
using Slipway.GitOps.Yaml;

namespace Slipway.Delivery;

/// <summary>The environment's settings as each domain takes them: the one place settings become domain options.</summary>
public sealed partial class EnvironmentDelivery
{
    private GitOpsEngine Engine => _settings.GitOps.IsArgoCd ? GitOpsEngine.ArgoCd : GitOpsEngine.Flux;

    /// <summary><c>gitops.path</c> (Validate refuses one that is absolute or leaves the repository), without <c>./</c> or a trailing slash.</summary>
    private string ClusterPath
    {
        get
        {
            string path = _settings.GitOps.Path.Replace('\\', '/').TrimEnd('/');
            return path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path;
        }
    }

    private IReadOnlyList<AppRelease> Apps
        => _settings.Apps.Values.OrderBy(static a => a.Name, StringComparer.Ordinal)
            .Select(static a => new AppRelease(a.Name, a.Image, a.Tag, a.Replicas, a.Namespace) { Digest = a.Digest })
            .ToList();

    /// <summary>The platform releases as Git gets them: values that hold a secret reference are left to the values Secret.</summary>
    private IReadOnlyList<PlatformRelease> PlatformReleases
        => _settings.Platform.Releases.Values.OrderBy(static r => r.Name, StringComparer.Ordinal)
            .Select(static r =>
            {
                (JsonObject? plain, JsonObject? secret, IReadOnlyList<YamlPath> paths) = ChartValueSecrets.Split(ToJson(r.Values), SecretReference.ContainsReference);
                return new PlatformRelease(r.Name, r.Chart, r.Repository, r.Version, r.Namespace, plain)
                {
                    ValuesSecret = secret is null ? null : ChartValueSecrets.SecretName(r.Name),
                    SecretPaths = paths,
                };
            })
            .ToList();

    /// <summary>Every namespace the environment deploys into: where Verify and Status look.</summary>
    private IReadOnlyList<string> Namespaces
        => _settings.Apps.Values.Select(static a => a.Namespace)
            .Concat(_settings.Platform.Releases.Values.Select(static r => r.Namespace))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The images the local cluster's catalogue starts with: every app image and tag that an environment on the local
    /// cluster names, as if CI had published them. Later tags are added with <c>./build.sh PublishImage</c>.
    /// </summary>
    public static IReadOnlyList<string> LocalClusterImages(EnvironmentCatalog catalog)
        => [.. LocalSettings(catalog).SelectMany(static e => e.Settings.Apps.Values.Select(static a => a.ImageReference)).ToHashSet(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The environments that run on the local cluster (<c>cluster.local: true</c> once resolved), each with its own cluster.</summary>
    public static IReadOnlyList<string> LocalEnvironments(EnvironmentCatalog catalog)
        => [.. LocalSettings(catalog).Select(static e => e.Name)];

    private static IEnumerable<(string Name, EnvironmentSettings Settings)> LocalSettings(EnvironmentCatalog catalog)
    {
        foreach (string name in catalog.Names)
        {
            EnvironmentSettings settings;
            try
            {
                settings = EnvironmentSettings.From(catalog.Resolve(name));
            }
            catch (SlipwayException)
            {
                continue; // an environment that does not resolve contributes nothing; Validate reports it
            }

            if (settings.Cluster.Local)
            {
                yield return (name, settings);
            }
        }
    }

    private ClusterOptions ClusterOptions() => new()
    {
        Environment = Name,
        Local = _settings.Cluster.Local,
        Kubeconfig = _settings.Cluster.Kubeconfig,
        Context = _settings.Cluster.Context,
        SeedImages = _settings.Cluster.Local ? LocalClusterImages(_catalog) : [],
    };

    private static JsonObject ToJson(IReadOnlyDictionary<string, object?> values)
        => JsonSerializer.SerializeToNode(values) as JsonObject ?? new JsonObject();
}
