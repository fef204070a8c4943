using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Cluster;

namespace Slipway.Tests.Cluster;

/// <summary>Custom objects whose status a test sets: every read returns <see cref="Current"/>; writes are recorded.</summary>
public sealed class FakeCustomObjects : IClusterCustomObjects
{
    public JsonObject? Current { get; set; }

    /// <summary>Objects of a kind other than <see cref="Current"/>'s (by kind name); a requestedAt patched onto one is marked handled in its status, as a controller would.</summary>
    public Dictionary<string, JsonObject> Others { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether a requestedAt patched onto one of <see cref="Others"/> is marked handled (false: the controller has not got to it).</summary>
    public bool HandleRequests { get; set; } = true;

    public List<string> Patched { get; } = [];

    /// <summary>The last merge patch sent.</summary>
    public JsonObject? LastPatch { get; private set; }

    public Task EnsureNamespaceAsync(string @namespace, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<JsonElement?> GetCustomObjectAsync(CustomResource resource, string @namespace, string name, CancellationToken cancellationToken)
    {
        JsonObject? found = Others.TryGetValue(resource.Kind, out JsonObject? other) ? other : Current;
        return Task.FromResult(found is null ? (JsonElement?)null : JsonDocument.Parse(found.ToJsonString()).RootElement.Clone());
    }

    public Task ApplyCustomObjectAsync(CustomResource resource, string @namespace, string name, JsonObject manifest, CancellationToken cancellationToken)
        => Task.CompletedTask;

    public Task MergePatchCustomObjectAsync(CustomResource resource, string @namespace, string name, JsonObject patch, CancellationToken cancellationToken)
    {
        Patched.Add($"{@namespace}/{name}");
        LastPatch = patch;
        if (HandleRequests && Others.TryGetValue(resource.Kind, out JsonObject? other) && patch["metadata"]?["annotations"]?["reconcile.fluxcd.io/requestedAt"] is { } token)
        {
            ((JsonObject)(other["status"] ??= new JsonObject()))["lastHandledReconcileAt"] = token.GetValue<string>();
        }

        return Task.CompletedTask;
    }
}
