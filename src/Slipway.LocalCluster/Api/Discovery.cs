using System.Text.Json.Nodes;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Api;

/// <summary>
/// The discovery documents: <c>/version</c>, <c>/api</c> (APIVersions), <c>/apis</c> (APIGroupList), <c>/apis/{group}</c>
/// (APIGroup) and the APIResourceList of each group version. kubectl asks for aggregated discovery first and takes these
/// plain documents when the answer is <c>application/json</c>.
/// </summary>
internal static class Discovery
{
    private static readonly string[] s_verbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
    private static readonly string[] s_statusVerbs = ["get", "patch", "update"];

    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.0+slipway-local",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-01-01T00:00:00Z",
        ["goVersion"] = "go1.23.0",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject ApiVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject GroupList(IResourceStore store)
    {
        var groups = new JsonArray();
        foreach (string group in store.Types.Where(t => t.Group.Length > 0).Select(t => t.Group).Distinct())
        {
            groups.Add(Group(store, group));
        }

        return new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = groups };
    }

    public static JsonObject? Group(IResourceStore store, string group)
    {
        string[] versions = store.Types.Where(t => t.Group == group).Select(t => t.Version).Distinct().ToArray();
        if (versions.Length == 0)
        {
            return null;
        }

        var list = new JsonArray();
        foreach (string version in versions)
        {
            list.Add(GroupVersion(group, version));
        }

        return new JsonObject
        {
            ["kind"] = "APIGroup",
            ["apiVersion"] = "v1",
            ["name"] = group,
            ["versions"] = list,
            ["preferredVersion"] = GroupVersion(group, versions[0]),
        };
    }

    public static JsonObject? ResourceList(IResourceStore store, string group, string version)
    {
        ResourceType[] types = store.Types.Where(t => t.Group == group && t.Version == version).ToArray();
        if (types.Length == 0)
        {
            return null;
        }

        var resources = new JsonArray();
        foreach (ResourceType type in types)
        {
            var resource = Resource(type, type.Plural, s_verbs);
            resource["singularName"] = type.Kind.ToLowerInvariant();
            IReadOnlyList<string> shortNames = KnownResourceTypes.ShortNames(type);
            if (shortNames.Count > 0)
            {
                resource["shortNames"] = new JsonArray([.. shortNames.Select(s => (JsonNode)s)]);
            }

            if (type.Plural is "pods" or "services" or "deployments")
            {
                resource["categories"] = new JsonArray("all");
            }

            resources.Add(resource);
            resources.Add(Resource(type, type.Plural + "/status", s_statusVerbs));
            if (type.Kind == "Deployment")
            {
                JsonObject scale = Resource(type, type.Plural + "/scale", s_statusVerbs);
                scale["group"] = "autoscaling";
                scale["version"] = "v1";
                scale["kind"] = "Scale";
                resources.Add(scale);
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        };
    }

    private static JsonObject Resource(ResourceType type, string name, string[] verbs) => new()
    {
        ["name"] = name,
        ["singularName"] = "",
        ["namespaced"] = type.Namespaced,
        ["kind"] = type.Kind,
        ["verbs"] = new JsonArray([.. verbs.Select(v => (JsonNode)v)]),
    };

    private static JsonObject GroupVersion(string group, string version) => new()
    {
        ["groupVersion"] = $"{group}/{version}",
        ["version"] = version,
    };
}
