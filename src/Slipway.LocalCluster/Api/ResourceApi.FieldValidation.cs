using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Slipway.LocalCluster.Store;
using Slipway.LocalCluster.Store.Schema;

namespace Slipway.LocalCluster.Api;

/// <summary>
/// <c>fieldValidation</c> of create, update and patch, as the real server does it: fields the kind's schema does not describe are
/// dropped, and reported according to the directive — <c>Strict</c> refuses the request (400, <c>strict decoding error: unknown
/// field "spec.foo"</c>, also for a key given twice), <c>Warn</c> (the default) answers with one <c>Warning: 299</c> header per
/// field, <c>Ignore</c> says nothing.
/// </summary>
internal sealed partial class ResourceApi
{
    private const string DuplicateFieldsKey = "slipway.duplicate-fields";

    /// <summary>Drops the fields <paramref name="type"/>'s schema does not describe from <paramref name="obj"/>, reporting them per the request's directive.</summary>
    private void ValidateFields(HttpContext context, ResourceType type, JsonNode? obj, string operation)
    {
        string directive = context.Request.Query["fieldValidation"].ToString();
        if (directive.Length > 0 && directive is not ("Ignore" or "Warn" or "Strict"))
        {
            throw new StoreException(422, "Invalid", $"{operation}Options.meta.k8s.io \"\" is invalid: fieldValidation: Unsupported value: \"{directive}\": supported values: \"Ignore\", \"Warn\", \"Strict\"");
        }

        List<string> problems = [.. UnknownFields.Find(obj, _store.Schemas.For(type), prune: true).Select(path => $"unknown field \"{path}\"")];
        if (context.Items[DuplicateFieldsKey] is IReadOnlyList<string> duplicates)
        {
            problems.AddRange(duplicates.Select(name => $"duplicate field \"{name}\""));
        }

        if (problems.Count == 0 || directive == "Ignore")
        {
            return;
        }

        if (directive == "Strict")
        {
            string prefix = operation == "Patch" ? "" : $"{type.Kind} in version \"{type.Version}\" cannot be handled as a {type.Kind}: ";
            throw ApiResponses.BadRequest($"{prefix}strict decoding error: {string.Join(", ", problems)}");
        }

        foreach (string problem in problems)
        {
            context.Response.Headers.Append("Warning", $"299 - \"{problem.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        }
    }

    /// <summary>JSON in which a key occurs twice, the last occurrence winning (as Go's decoder keeps it; <see cref="JsonNode.Parse(string, JsonNodeOptions?, System.Text.Json.JsonDocumentOptions)"/> would throw).</summary>
    private static JsonNode? ParseKeepingLast(byte[] json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return Copy(document.RootElement);

        static JsonNode? Copy(System.Text.Json.JsonElement element)
        {
            switch (element.ValueKind)
            {
                case System.Text.Json.JsonValueKind.Object:
                    var obj = new JsonObject();
                    foreach (System.Text.Json.JsonProperty property in element.EnumerateObject())
                    {
                        obj[property.Name] = Copy(property.Value);
                    }

                    return obj;
                case System.Text.Json.JsonValueKind.Array:
                    return new JsonArray([.. element.EnumerateArray().Select(Copy)]);
                default:
                    return JsonValue.Create(element);
            }
        }
    }
}
