using System.Text.Json.Nodes;

namespace Slipway.LocalCluster.Store;

/// <summary>
/// CustomResourceDefinitions and the kinds they define. A kind is custom when its group is not one of Kubernetes' own
/// (those are the core group, groups without a dot, and <c>*.k8s.io</c>). The store holds a definition for every custom kind
/// it serves from the start, and serves the kind a created definition names: its storage version (the one marked
/// <c>storage: true</c>), its scope, a <c>status</c> subresource only when that version declares one.
/// </summary>
public static class CustomResourceDefinitions
{
    public static bool IsCustom(ResourceType type)
        => type.Group.Contains('.', StringComparison.Ordinal) && !type.Group.EndsWith(".k8s.io", StringComparison.Ordinal) && type.Group != "k8s.io";

    /// <summary>The definition's name: <c>&lt;plural&gt;.&lt;group&gt;</c>.</summary>
    public static string NameOf(ResourceType type) => $"{type.Plural}.{type.Group}";

    /// <summary>The definition of a built-in custom kind, as <c>kubectl get crd -o yaml</c> shows it (schema: any object).</summary>
    public static JsonObject Describe(ResourceType type) => new()
    {
        ["apiVersion"] = KnownResourceTypes.CustomResourceDefinition.ApiVersion,
        ["kind"] = KnownResourceTypes.CustomResourceDefinition.Kind,
        ["metadata"] = new JsonObject { ["name"] = NameOf(type) },
        ["spec"] = new JsonObject
        {
            ["group"] = type.Group,
            ["names"] = Names(type),
            ["scope"] = type.Namespaced ? "Namespaced" : "Cluster",
            ["versions"] = new JsonArray(new JsonObject
            {
                ["name"] = type.Version,
                ["served"] = true,
                ["storage"] = true,
                ["schema"] = new JsonObject { ["openAPIV3Schema"] = new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true } },
                ["subresources"] = type.StatusSubresource ? new JsonObject { ["status"] = new JsonObject() } : new JsonObject(),
            }),
        },
    };

    /// <summary>
    /// The kind a definition serves; 422 Invalid (naming the field) when the definition lacks what the real server requires:
    /// group, names.plural, names.kind, scope, a name of <c>&lt;plural&gt;.&lt;group&gt;</c>, exactly one storage version.
    /// </summary>
    public static ResourceType Read(JsonObject definition)
    {
        string name = Meta.Name(definition) ?? "";
        JsonObject spec = definition["spec"] as JsonObject ?? throw Invalid(name, "spec", "Required value");
        string group = Text(spec["group"]) ?? throw Invalid(name, "spec.group", "Required value");
        string plural = Text(spec["names"]?["plural"]) ?? throw Invalid(name, "spec.names.plural", "Required value");
        string kind = Text(spec["names"]?["kind"]) ?? throw Invalid(name, "spec.names.kind", "Required value");
        string scope = Text(spec["scope"]) ?? throw Invalid(name, "spec.scope", "Required value");
        if (scope is not "Namespaced" and not "Cluster")
        {
            throw Invalid(name, "spec.scope", $"Unsupported value: \"{scope}\": supported values: \"Cluster\", \"Namespaced\"");
        }

        if (name != $"{plural}.{group}")
        {
            throw Invalid(name, "metadata.name", $"Invalid value: \"{name}\": must be spec.names.plural+\".\"+spec.group");
        }

        JsonObject[] storage = [.. ((spec["versions"] as JsonArray) ?? []).OfType<JsonObject>().Where(v => v["storage"] is JsonValue s && s.TryGetValue(out bool b) && b)];
        if (storage.Length != 1)
        {
            throw Invalid(name, "spec.versions", "Invalid value: must have exactly one version marked as storage version");
        }

        string version = Text(storage[0]["name"]) ?? throw Invalid(name, "spec.versions[].name", "Required value");
        return new ResourceType(group, version, kind, plural, scope == "Namespaced")
        {
            StatusSubresource = storage[0]["subresources"]?["status"] is JsonObject,
        };
    }

    /// <summary>A definition as the server keeps it: status says its names are accepted and it is established.</summary>
    public static void SetStatus(JsonObject definition, ResourceType type, string now)
    {
        definition["status"] = new JsonObject
        {
            ["acceptedNames"] = definition["spec"]?["names"]?.DeepClone() ?? Names(type),
            ["conditions"] = new JsonArray(Condition("NamesAccepted", "NoConflicts", "no conflicts found", now), Condition("Established", "InitialNamesAccepted", "the initial names have been accepted", now)),
            ["storedVersions"] = new JsonArray(type.Version),
        };
    }

    /// <summary>A definition's <c>spec.names</c> list (<c>shortNames</c>, <c>categories</c>), empty when absent.</summary>
    public static IReadOnlyList<string> NamesList(JsonObject? definition, string list)
        => [.. ((definition?["spec"]?["names"]?[list] as JsonArray) ?? []).Select(Text).OfType<string>()];

    private static JsonObject Names(ResourceType type)
    {
        var names = new JsonObject { ["plural"] = type.Plural, ["singular"] = type.Kind.ToLowerInvariant(), ["kind"] = type.Kind, ["listKind"] = type.ListKind };
        if (KnownResourceTypes.ShortNames(type) is { Count: > 0 } shortNames)
        {
            names["shortNames"] = new JsonArray([.. shortNames.Select(s => (JsonNode)s)]);
        }

        return names;
    }

    private static JsonObject Condition(string type, string reason, string message, string now) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["lastTransitionTime"] = now,
        ["reason"] = reason,
        ["message"] = message,
    };

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) && text.Length > 0 ? text : null;

    private static StoreException Invalid(string name, string field, string detail)
        => new(422, "Invalid", $"CustomResourceDefinition.apiextensions.k8s.io \"{name}\" is invalid: {field}: {detail}");
}
