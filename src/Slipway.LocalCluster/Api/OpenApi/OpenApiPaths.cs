using System.Text.Json.Nodes;
using Slipway.LocalCluster.Store;
using Slipway.LocalCluster.Store.Schema;

namespace Slipway.LocalCluster.Api.OpenApi;

/// <summary>
/// The path items of one kind, in OpenAPI v2 (<c>v3</c> false) or v3 form: list, create and delete-collection on the
/// collection, get, replace, patch and delete on an object, and its <c>status</c>. Writes advertise <c>dryRun</c>,
/// <c>fieldManager</c> and <c>fieldValidation</c> (kubectl 1.32 checks the last on the PATCH operation before it leaves validation
/// to the server); PATCH also <c>force</c>, and its body types (strategic merge only for the built-in kinds, as the real server).
/// </summary>
internal sealed class OpenApiPaths(bool v3)
{
    private static readonly string[] s_patchTypes = ["application/json-patch+json", "application/merge-patch+json", "application/apply-patch+yaml"];

    public void Add(JsonObject paths, ResourceType type, string definition)
    {
        string prefix = type.Group.Length == 0 ? "/api/v1" : $"/apis/{type.Group}/{type.Version}";
        string collection = type.Namespaced ? $"{prefix}/namespaces/{{namespace}}/{type.Plural}" : $"{prefix}/{type.Plural}";
        JsonObject gvk = SchemaJson.GroupVersionKind(type);
        string id = OperationSuffix(type);
        JsonArray scope = type.Namespaced ? [PathParameter("namespace", "object name and auth scope, such as for teams and projects")] : [];

        paths[collection] = new JsonObject
        {
            ["get"] = Operation(($"list{id}", $"list or watch objects of kind {type.Kind}", "list"), gvk, [], null, ObjectSchema()),
            ["post"] = Operation(($"create{id}", $"create a {type.Kind}", "post"), gvk, WriteParameters(force: false), ["application/json", "application/yaml"], Reference(definition)),
            ["delete"] = Operation(($"deletecollection{id}", $"delete collection of {type.Kind}", "deletecollection"), gvk, [], null, ObjectSchema()),
            ["parameters"] = scope.DeepClone(),
        };

        JsonArray named = (JsonArray)scope.DeepClone();
        named.Insert(0, PathParameter("name", $"name of the {type.Kind}"));
        paths[$"{collection}/{{name}}"] = ObjectOperations(type, definition, gvk, id, named, "");
        paths[$"{collection}/{{name}}/status"] = ObjectOperations(type, definition, gvk, id + "Status", named, " status of");
        if (type.Namespaced)
        {
            paths[$"{prefix}/{type.Plural}"] = new JsonObject
            {
                ["get"] = Operation(($"list{id}ForAllNamespaces", $"list or watch objects of kind {type.Kind}", "list"), gvk, [], null, ObjectSchema()),
            };
        }
    }

    private JsonObject ObjectOperations(ResourceType type, string definition, JsonObject gvk, string id, JsonArray parameters, string what)
    {
        bool builtIn = BuiltInSchemas.DefinitionName(type).StartsWith("io.k8s.", StringComparison.Ordinal);
        string[] patchTypes = builtIn ? [.. s_patchTypes, "application/strategic-merge-patch+json"] : s_patchTypes;
        return new JsonObject
        {
            ["get"] = Operation(($"read{id}", $"read{what} the specified {type.Kind}", "get"), gvk, [], null, Reference(definition)),
            ["put"] = Operation(($"replace{id}", $"replace{what} the specified {type.Kind}", "put"), gvk, WriteParameters(force: false), ["application/json", "application/yaml"], Reference(definition)),
            ["patch"] = Operation(($"patch{id}", $"partially update{what} the specified {type.Kind}", "patch"), gvk, WriteParameters(force: true), patchTypes, Reference(definition)),
            ["delete"] = Operation(($"delete{id}", $"delete a {type.Kind}", "delete"), gvk, [], null, ObjectSchema()),
            ["parameters"] = parameters.DeepClone(),
        };
    }

    private JsonObject Operation((string Id, string Description, string Action) name, JsonObject gvk, JsonArray parameters, string[]? bodyTypes, JsonObject response)
    {
        (string id, string description, string action) = name;
        var operation = new JsonObject
        {
            ["description"] = description,
            ["operationId"] = id,
            ["parameters"] = parameters,
            ["x-kubernetes-action"] = action,
            ["x-kubernetes-group-version-kind"] = gvk.DeepClone(),
        };
        if (v3)
        {
            if (bodyTypes is not null)
            {
                var content = new JsonObject();
                foreach (string bodyType in bodyTypes)
                {
                    content[bodyType] = new JsonObject { ["schema"] = ObjectSchema() };
                }

                operation["requestBody"] = new JsonObject { ["content"] = content, ["required"] = true };
            }

            operation["responses"] = new JsonObject
            {
                ["200"] = new JsonObject { ["description"] = "OK", ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = response } } },
            };
        }
        else
        {
            if (bodyTypes is not null)
            {
                operation["consumes"] = new JsonArray([.. bodyTypes.Select(t => (JsonNode)t)]);
                parameters.Insert(0, new JsonObject { ["name"] = "body", ["in"] = "body", ["required"] = true, ["schema"] = ObjectSchema() });
            }

            operation["produces"] = new JsonArray("application/json", "application/yaml");
            operation["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "OK", ["schema"] = response } };
        }

        return operation;
    }

    private JsonArray WriteParameters(bool force)
    {
        JsonArray parameters =
        [
            QueryParameter("dryRun", "When present, indicates that modifications should not be persisted. The only valid value is All."),
            QueryParameter("fieldManager", "A name associated with the actor or entity that is making these changes."),
            QueryParameter("fieldValidation", "How the server handles unknown or duplicate fields: Ignore, Warn (the default) or Strict."),
        ];
        if (force)
        {
            parameters.Add(QueryParameter("force", "Force is going to \"force\" Apply requests: re-acquire conflicting fields owned by other people.", "boolean"));
        }

        return parameters;
    }

    private JsonObject QueryParameter(string name, string description, string type = "string")
        => Parameter(name, "query", description, type, required: false);

    private JsonObject PathParameter(string name, string description)
        => Parameter(name, "path", description, "string", required: true);

    private JsonObject Parameter(string name, string location, string description, string type, bool required)
    {
        var parameter = new JsonObject { ["name"] = name, ["in"] = location, ["description"] = description, ["required"] = required };
        if (v3)
        {
            parameter["schema"] = new JsonObject { ["type"] = type, ["uniqueItems"] = true };
        }
        else
        {
            parameter["type"] = type;
            parameter["uniqueItems"] = true;
        }

        return parameter;
    }

    private JsonObject Reference(string definition)
        => new() { ["$ref"] = v3 ? $"#/components/schemas/{definition}" : $"#/definitions/{definition}" };

    private static JsonObject ObjectSchema() => new() { ["type"] = "object" };

    private static string OperationSuffix(ResourceType type)
    {
        string group = type.Group.Length == 0 ? "Core" : string.Concat(type.Group.Split('.')[0].Select((c, i) => i == 0 ? char.ToUpperInvariant(c) : c));
        string version = char.ToUpperInvariant(type.Version[0]) + type.Version[1..];
        return $"{group}{version}{(type.Namespaced ? "Namespaced" : "")}{type.Kind}";
    }
}
