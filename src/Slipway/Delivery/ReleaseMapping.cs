using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Environments.Settings;
using Slipway.GitOps;

namespace Slipway.Delivery;

/// <summary>Turns an environment's settings into what the GitOps renderer takes.</summary>
public static class ReleaseMapping
{
    public static IReadOnlyList<AppRelease> Apps(EnvironmentSettings settings)
        => settings.Apps.Values.OrderBy(static a => a.Name, StringComparer.Ordinal)
            .Select(static a => new AppRelease(a.Name, a.Image, a.Tag, a.Replicas, a.Namespace))
            .ToList();

    public static IReadOnlyList<PlatformRelease> Platform(EnvironmentSettings settings)
        => settings.Platform.Releases.Values.OrderBy(static r => r.Name, StringComparer.Ordinal)
            .Select(static r => new PlatformRelease(r.Name, r.Chart, r.Repository, r.Version, r.Namespace, r.Values.Count == 0 ? null : ToJson(r.Values)))
            .ToList();

    /// <summary>Every namespace the environment deploys into: where Verify looks.</summary>
    public static IReadOnlyList<string> Namespaces(EnvironmentSettings settings)
        => settings.Apps.Values.Select(static a => a.Namespace)
            .Concat(settings.Platform.Releases.Values.Select(static r => r.Namespace))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static JsonObject ToJson(IReadOnlyDictionary<string, object?> values)
        => JsonSerializer.SerializeToNode(values) as JsonObject ?? new JsonObject();
}
