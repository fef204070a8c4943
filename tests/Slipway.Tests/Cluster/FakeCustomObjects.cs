using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Cluster;

namespace Slipway.Tests.Cluster;

/// <summary>Custom objects whose status a test sets: every read returns <see cref="Current"/>; writes are recorded.</summary>
public sealed class FakeCustomObjects : IClusterCustomObjects
{
    public JsonObject? Current { get; set; }

    public List<string> Patched { get; } = [];

    public Task EnsureNamespaceAsync(string @namespace, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<JsonElement?> GetCustomObjectAsync(CustomResource resource, string @namespace, string name, CancellationToken cancellationToken)
        => Task.FromResult(Current is null ? (JsonElement?)null : JsonDocument.Parse(Current.ToJsonString()).RootElement.Clone());

    public Task ApplyCustomObjectAsync(CustomResource resource, string @namespace, string name, JsonObject manifest, CancellationToken cancellationToken)
        => Task.CompletedTask;

    public Task MergePatchCustomObjectAsync(CustomResource resource, string @namespace, string name, JsonObject patch, CancellationToken cancellationToken)
    {
        Patched.Add($"{@namespace}/{name}");
        return Task.CompletedTask;
    }
}
