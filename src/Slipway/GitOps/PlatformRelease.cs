using System.Text.Json.Nodes;

namespace Slipway.GitOps;

/// <summary>One platform release (an entry of <c>platform.releases</c>): the input of DeployPlatform.</summary>
/// <param name="Name">The release name (a Kubernetes name): file <c>clusters/&lt;env&gt;/platform/&lt;name&gt;.yaml</c>.</param>
/// <param name="Chart">The chart's name in its repository.</param>
/// <param name="Repository">The chart repository URL (https, or oci://).</param>
/// <param name="Version">The chart version (from the lock file).</param>
/// <param name="Namespace">The namespace it is installed in.</param>
/// <param name="Values">The chart values; null for none.</param>
public sealed record PlatformRelease(string Name, string Chart, string Repository, string Version, string Namespace, JsonObject? Values = null);
