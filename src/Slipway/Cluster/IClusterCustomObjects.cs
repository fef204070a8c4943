using System.Text.Json;
using System.Text.Json.Nodes;

namespace Slipway.Cluster;

/// <summary>
/// The Flux and Argo CD objects of a cluster, as <see cref="FluxSync"/> and <see cref="ArgoSync"/> drive them. Server-side
/// apply and merge patches are idempotent and retried by their callers where that is safe. Tests drive the syncs with a fake.
/// </summary>
public interface IClusterCustomObjects
{
    Task EnsureNamespaceAsync(string @namespace, CancellationToken cancellationToken);

    /// <summary>The object, or null when it does not exist.</summary>
    Task<JsonElement?> GetCustomObjectAsync(CustomResource resource, string @namespace, string name, CancellationToken cancellationToken);

    /// <summary>Server-side apply (field manager <c>slipway</c>) of a namespaced custom object.</summary>
    Task ApplyCustomObjectAsync(CustomResource resource, string @namespace, string name, JsonObject manifest, CancellationToken cancellationToken);

    /// <summary>A JSON merge patch (<c>application/merge-patch+json</c>).</summary>
    Task MergePatchCustomObjectAsync(CustomResource resource, string @namespace, string name, JsonObject patch, CancellationToken cancellationToken);
}
