using Slipway.GitOps.Manifests;
namespace Slipway.GitOps;

/// <summary>One app of an environment as it should run: the input of SyncApps.</summary>
/// <param name="Name">The app's name (a Kubernetes name): folder <c>clusters/&lt;env&gt;/apps/&lt;name&gt;/</c>.</param>
/// <param name="Image">The image repository, e.g. <c>ghcr.io/acme/web</c>.</param>
/// <param name="Tag">The image tag to run.</param>
/// <param name="Replicas">The replica count (<c>replicaCount</c> value).</param>
/// <param name="Namespace">The namespace the app runs in.</param>
/// <param name="Chart">The app's chart; null uses <c>charts/&lt;name&gt;</c> in the GitOps repository itself.</param>
public sealed record AppRelease(string Name, string Image, string Tag, int Replicas, string Namespace, AppChart? Chart = null)
{
    /// <summary><c>image:tag</c>.</summary>
    public string ImageReference => $"{Image}:{Tag}";

    /// <summary>The digest to run (<c>sha256:…</c>, written as the chart value <c>image.digest</c>), or null to run the tag.</summary>
    public string? Digest { get; init; }
}
