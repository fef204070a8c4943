using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Api;

/// <summary>
/// A parsed resource URL: <c>/api/v1/namespaces/{ns}/pods/{name}/status</c>, <c>/apis/apps/v1/deployments</c>, ….
/// Group and version come first; <see cref="Type"/> is null for a discovery request.
/// </summary>
internal sealed record ResourcePath(string Group, string Version, ResourceType? Type, string? Namespace, string? Name, string? Subresource)
{
    /// <summary>Parses the segments after <c>/api</c> (<paramref name="core"/>) or <c>/apis</c>; null when they name nothing served.</summary>
    public static ResourcePath? Parse(IResourceStore store, bool core, string[] segments)
    {
        int start = core ? 1 : 2;
        if (segments.Length < start)
        {
            return null;
        }

        string group = core ? "" : segments[0];
        string version = segments[start - 1];
        string[] rest = segments[start..];
        if (rest.Length == 0)
        {
            return new ResourcePath(group, version, null, null, null, null);
        }

        string? ns = null;
        if (rest[0] == "namespaces" && rest.Length >= 3 && rest[2] != "status" && rest[2] != "finalize")
        {
            ns = rest[1];
            rest = rest[2..];
        }

        if (rest.Length > 3)
        {
            return null;
        }

        ResourceType? type = store.FindType(group, version, rest[0]);
        if (type is null || (ns is not null && !type.Namespaced))
        {
            return null;
        }

        string? name = rest.Length > 1 ? rest[1] : null;
        string? subresource = rest.Length > 2 ? rest[2] : null;
        if (subresource is not null && !IsServed(type, subresource))
        {
            return null;
        }

        if (type.Namespaced && ns is null && name is not null)
        {
            return null;
        }

        return new ResourcePath(group, version, type, ns, name, subresource);
    }

    /// <summary>The subresources served: <c>status</c> (for custom kinds only when their definition declares it),
    /// Deployments' <c>scale</c>, and pods' <c>log</c>, <c>exec</c>, <c>attach</c>, <c>portforward</c>.</summary>
    public static bool IsServed(ResourceType type, string subresource) => subresource switch
    {
        "status" => type.StatusSubresource,
        "scale" => type.Kind == "Deployment" && type.Group == "apps",
        "log" or "exec" or "attach" or "portforward" => type == KnownResourceTypes.Pod,
        _ => false,
    };
}
