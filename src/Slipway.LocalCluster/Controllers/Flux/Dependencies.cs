using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Controllers.Flux;

/// <summary>
/// <c>spec.dependsOn</c> of Kustomizations and HelmReleases, as Flux checks it: every dependency (same kind, its
/// namespace defaulting to the dependent's) must exist, have observed its generation and be Ready=True. While one is
/// not, the dependent is Ready=False <c>DependencyNotReady</c> with Flux's message naming it, and nothing is applied.
/// </summary>
internal static class Dependencies
{
    public const string NotReadyReason = "DependencyNotReady";

    /// <summary>Flux's message for the first dependency that is not ready, or null when all are.</summary>
    public static string? FirstNotReady(IResourceStore store, ResourceType type, JsonObject obj)
    {
        foreach ((string ns, string name) in Of(obj))
        {
            JsonObject? dependency = store.Get(type, ns, name);
            if (dependency is null)
            {
                return $"unable to get '{ns}/{name}' dependency: {type.Plural}.{type.Group} \"{name}\" not found";
            }

            if ((dependency.Long("metadata", "generation") ?? 1) != dependency.Long("status", "observedGeneration") || !Conditions.IsTrue(dependency.Obj("status"), "Ready"))
            {
                return $"dependency '{ns}/{name}' is not ready";
            }
        }

        return null;
    }

    /// <summary>The objects of <paramref name="type"/> that depend on the changed object (so they look again at once).</summary>
    public static IEnumerable<ObjectKey> DependentsOf(IResourceStore store, ResourceType type, WatchEvent change)
    {
        string ns = change.Object.Str("metadata", "namespace") ?? "default";
        string? name = change.Object.Str("metadata", "name");
        return store.List(type, null).Where(o => Of(o).Contains((ns, name ?? string.Empty))).Select(ObjectKey.Of).ToList();
    }

    private static IEnumerable<(string Namespace, string Name)> Of(JsonObject obj)
    {
        string ns = obj.Str("metadata", "namespace") ?? "default";
        foreach (JsonNode? dependency in obj.Arr("spec", "dependsOn") ?? [])
        {
            if (dependency.Str("name") is string name)
            {
                yield return (dependency.Str("namespace") ?? ns, name);
            }
        }
    }
}
