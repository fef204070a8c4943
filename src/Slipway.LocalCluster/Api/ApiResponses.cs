using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Api;

/// <summary>Writes JSON answers and Kubernetes <c>Status</c> errors.</summary>
internal static class ApiResponses
{
    public static async Task WriteJsonAsync(HttpContext context, int statusCode, JsonNode body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, new JsonWriterOptions { Indented = QueryOptions.Pretty(context.Request) }))
        {
            body.WriteTo(writer);
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    public static Task WriteStatusAsync(HttpContext context, StoreException error, ResourceType? type = null, string? name = null)
    {
        JsonObject status = Status(error.Code, error.Reason, error.Message, type, name);
        if (error.Causes.Count > 0)
        {
            var details = status["details"] as JsonObject ?? new JsonObject();
            details["causes"] = new JsonArray([.. error.Causes.Select(c => (JsonNode)new JsonObject { ["type"] = c.Type, ["message"] = c.Message, ["field"] = c.Field })]);
            status["details"] = details;
        }

        return WriteJsonAsync(context, error.Code, status);
    }

    public static JsonObject Status(int code, string reason, string message, ResourceType? type = null, string? name = null)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
        };
        if (type is not null || name is not null)
        {
            var details = new JsonObject();
            if (name is not null)
            {
                details["name"] = name;
            }

            if (type is not null)
            {
                if (type.Group.Length > 0)
                {
                    details["group"] = type.Group;
                }

                details["kind"] = type.Plural;
            }

            status["details"] = details;
        }

        status["code"] = code;
        return status;
    }

    public static StoreException NotFoundPath(string path)
        => new(404, "NotFound", $"the server could not find the requested resource (path {path})");

    public static StoreException BadRequest(string message) => new(400, "BadRequest", message);

    public static StoreException MethodNotAllowed(string method)
        => new(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource ({method})");

    public static StoreException UnsupportedMediaType(string? contentType)
        => new(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, application/apply-patch+yaml (got {contentType})");
}
