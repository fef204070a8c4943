using System.Text.Json.Nodes;
using Slipway.GitOps.Yaml;

namespace Slipway.GitOps;

/// <summary>One platform release (an entry of <c>platform.releases</c>): the input of DeployPlatform.</summary>
/// <param name="Name">The release name (a Kubernetes name): file <c>clusters/&lt;env&gt;/platform/&lt;name&gt;.yaml</c>.</param>
/// <param name="Chart">The chart's name in its repository.</param>
/// <param name="Repository">The chart repository URL (https, or oci://).</param>
/// <param name="Version">The chart version (from the lock file).</param>
/// <param name="Namespace">The namespace it is installed in.</param>
/// <param name="Values">The chart values written to Git (never one that holds a secret reference); null for none.</param>
public sealed record PlatformRelease(string Name, string Chart, string Repository, string Version, string Namespace, JsonObject? Values = null)
{
    /// <summary>
    /// The Secret in <see cref="Namespace"/> whose key <c>values.yaml</c> holds the values that came from secret references
    /// (read with <c>spec.valuesFrom</c>); null when the release has none.
    /// </summary>
    public string? ValuesSecret { get; init; }

    /// <summary>Where below <c>values</c> those secret values are: they are never written inline (and are removed if they were).</summary>
    public IReadOnlyList<YamlPath> SecretPaths { get; init; } = [];
}
