using System.Text.Json.Nodes;
using Slipway.LocalCluster.Store;
using Slipway.LocalCluster.Store.Schema;

namespace Slipway.LocalCluster.Api.OpenApi;

/// <summary>A <see cref="OpenApiSchemaNode"/> as an OpenAPI schema object (the same keywords in v2 and v3), with Kubernetes' extensions.</summary>
internal static class SchemaJson
{
    /// <summary>A kind's top-level schema: its fields and <c>x-kubernetes-group-version-kind</c>.</summary>
    public static JsonObject Kind(ResourceType type, OpenApiSchemaNode schema)
    {
        JsonObject json = Of(schema);
        json["x-kubernetes-group-version-kind"] = new JsonArray(GroupVersionKind(type));
        return json;
    }

    public static JsonObject GroupVersionKind(ResourceType type)
        => new() { ["group"] = type.Group, ["kind"] = type.Kind, ["version"] = type.Version };

    public static JsonObject Of(OpenApiSchemaNode schema)
    {
        var json = new JsonObject();
        if (schema.Description is string description)
        {
            json["description"] = description;
        }

        if (schema.Type is string type)
        {
            json["type"] = type;
        }

        if (schema.Format is string format)
        {
            json["format"] = format;
        }

        if (schema.IntOrString)
        {
            json["format"] = "int-or-string";
            json["x-kubernetes-int-or-string"] = true;
        }

        if (schema.Properties is { } properties)
        {
            var fields = new JsonObject();
            foreach ((string name, OpenApiSchemaNode field) in properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                fields[name] = Of(field);
            }

            json["properties"] = fields;
        }

        if (schema.AdditionalProperties is OpenApiSchemaNode values)
        {
            json["additionalProperties"] = Of(values);
        }

        if (schema.Items is OpenApiSchemaNode items)
        {
            json["items"] = Of(items);
        }

        if (schema.Required is { Count: > 0 } required)
        {
            json["required"] = new JsonArray([.. required.Select(r => (JsonNode)r)]);
        }

        if (schema.PreserveUnknownFields)
        {
            json["x-kubernetes-preserve-unknown-fields"] = true;
        }

        if (schema.ListType is string listType)
        {
            json["x-kubernetes-list-type"] = listType;
        }

        if (schema.ListMapKeys is { } keys)
        {
            json["x-kubernetes-list-map-keys"] = new JsonArray([.. keys.Select(k => (JsonNode)k)]);
        }

        if (schema.PatchMergeKey is string mergeKey)
        {
            json["x-kubernetes-patch-merge-key"] = mergeKey;
        }

        if (schema.PatchStrategy is string strategy)
        {
            json["x-kubernetes-patch-strategy"] = strategy;
        }

        return json;
    }
}
