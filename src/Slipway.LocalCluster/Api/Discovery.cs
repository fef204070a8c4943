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
        foreach (string group in store.Types.Where(t => t.Group.Length > 0).Select(t => t.Group).Append(AuthorizationApi.Group).Distinct())
        {
            groups.Add(Group(store, group));
        }

        return new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = groups };
    }

    public static JsonObject? Group(IResourceStore store, string group)
    {
        string[] versions = group == AuthorizationApi.Group ? ["v1"] : store.Types.Where(t => t.Group == group).Select(t => t.Version).Distinct().ToArray();
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
        var resources = new JsonArray();
        if (group == AuthorizationApi.Group && version == "v1")
        {
            foreach ((string name, string kind) in AuthorizationApi.Reviews)
            {
                resources.Add(new JsonObject { ["name"] = name, ["singularName"] = kind.ToLowerInvariant(), ["namespaced"] = false, ["kind"] = kind, ["verbs"] = new JsonArray("create") });
            }
        }
        else if (types.Length == 0)
        {
            return null;
        }

        foreach (ResourceType type in types)
        {
            var resource = Resource(type, type.Plural, s_verbs);
            resource["singularName"] = type.Kind.ToLowerInvariant();
            JsonObject? definition = CustomResourceDefinitions.IsCustom(type) ? store.Get(KnownResourceTypes.CustomResourceDefinition, null, CustomResourceDefinitions.NameOf(type)) : null;
            string[] shortNames = [.. KnownResourceTypes.ShortNames(type).Concat(CustomResourceDefinitions.NamesList(definition, "shortNames")).Distinct()];
            if (shortNames.Length > 0)
            {
                resource["shortNames"] = new JsonArray([.. shortNames.Select(s => (JsonNode)s)]);
            }

            if (KnownResourceTypes.Categories(type).Concat(CustomResourceDefinitions.NamesList(definition, "categories")).Distinct().ToArray() is { Length: > 0 } categories)
            {
                resource["categories"] = new JsonArray([.. categories.Select(c => (JsonNode)c)]);
            }

            resources.Add(resource);
            if (type.StatusSubresource)
            {
                resources.Add(Resource(type, type.Plural + "/status", s_statusVerbs));
            }

            if (type == KnownResourceTypes.Pod)
            {
                AddPodSubresources(resources, type);
            }

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

    /// <summary><c>pods/log</c> (read), <c>pods/exec</c>, <c>pods/attach</c>, <c>pods/portforward</c> (answered 501: no processes run here).</summary>
    private static void AddPodSubresources(JsonArray resources, ResourceType pod)
    {
        resources.Add(Resource(pod, "pods/log", ["get"]));
        foreach ((string name, string kind) in new[] { ("attach", "PodAttachOptions"), ("exec", "PodExecOptions"), ("portforward", "PodPortForwardOptions") })
        {
            JsonObject subresource = Resource(pod, "pods/" + name, ["create", "get"]);
            subresource["kind"] = kind;
            resources.Add(subresource);
        }
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
