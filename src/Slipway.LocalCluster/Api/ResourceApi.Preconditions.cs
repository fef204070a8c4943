using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Api;

/// <summary>
/// <c>DeleteOptions.preconditions</c> of a delete (<c>resourceVersion</c>, <c>uid</c>): when they do not match the stored
/// object the delete is refused with 409 Conflict, as the Kubernetes API does, so a client deletes only what it last read.
/// </summary>
internal sealed partial class ResourceApi
{
    private async Task CheckDeletePreconditionsAsync(HttpContext context, ResourcePath resource, ResourceType type)
    {
        if (context.Request.ContentLength is 0 || (context.Request.ContentLength is null && !context.Request.Headers.TransferEncoding.Any()))
        {
            return;
        }

        using var reader = new StreamReader(context.Request.Body);
        string text = await reader.ReadToEndAsync(context.RequestAborted);
        JsonNode? body;
        try
        {
            body = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw ApiResponses.BadRequest($"error decoding the request body: {ex.Message}");
        }

        if (body is not JsonObject options || options["preconditions"] is not JsonObject preconditions)
        {
            return;
        }

        StoredObject stored = _store.GetStored(type, resource.Namespace, resource.Name!) ?? throw StoreException.NotFound(type, resource.Name!);
        string current = stored.ResourceVersion.ToString(CultureInfo.InvariantCulture);
        if (Text(preconditions, "resourceVersion") is { Length: > 0 } resourceVersion && resourceVersion != current)
        {
            throw new StoreException(409, "Conflict", $"Precondition failed: ResourceVersion in precondition: {resourceVersion}, ResourceVersion in object meta: {current}");
        }

        if (Text(preconditions, "uid") is { Length: > 0 } uid && uid != stored.Uid)
        {
            throw new StoreException(409, "Conflict", $"Precondition failed: UID in precondition: {uid}, UID in object meta: {stored.Uid}");
        }
    }

    private static string? Text(JsonObject obj, string key)
        => obj[key] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
