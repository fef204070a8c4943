using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Slipway.LocalCluster.Api.Patching;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Api;

internal sealed partial class ResourceApi
{
    private const int PatchAttempts = 10;

    /// <summary>
    /// PATCH with a JSON patch, a merge patch, a strategic merge patch (merge keys from the kind's schema, see <see cref="MergePatch"/>)
    /// or server-side apply. A patch is applied to the current object and stored with its resourceVersion; when another writer got
    /// there first the patch is applied again to the newer object, as the real server does, unless the patch itself names a
    /// resourceVersion (then 409 Conflict). Server-side apply needs <c>fieldManager</c> (422 Invalid without, as the real server
    /// validates PatchOptions) and goes to <see cref="IResourceStore.Apply"/>: field ownership, conflicts and <c>force</c>.
    /// </summary>
    private async Task PatchAsync(HttpContext context, ResourcePath resource, ResourceType type, bool status)
    {
        string contentType = (context.Request.ContentType ?? "").Split(';')[0].Trim();
        Func<JsonObject, JsonNode?, JsonObject> apply = contentType switch
        {
            "application/json-patch+json" => JsonPatch.Apply,
            "application/merge-patch+json" => (target, patch) => Merge(target, patch, strategic: false, type),
            "application/strategic-merge-patch+json" => (target, patch) => Merge(target, patch, strategic: true, type),
            "application/apply-patch+yaml" => (target, patch) => Merge(target, patch, strategic: true, type),
            _ => throw ApiResponses.UnsupportedMediaType(contentType),
        };
        bool serverSideApply = contentType == "application/apply-patch+yaml";
        if (serverSideApply && string.IsNullOrEmpty(context.Request.Query["fieldManager"].ToString()))
        {
            // The real server validates PatchOptions first and answers 422 Invalid (not 400).
            throw new StoreException(422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch");
        }

        if (!serverSideApply && context.Request.Query.ContainsKey("force"))
        {
            throw new StoreException(422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: force: Forbidden: may not be specified for non-apply patch");
        }

        JsonNode? patch = await ReadBodyAsync(context, type.ApiVersion, type.Kind);
        string name = resource.Name!;
        if (serverSideApply)
        {
            JsonObject applied = patch as JsonObject ?? throw ApiResponses.BadRequest("the applied configuration must be an object");
            CheckApplied(applied, type, name, resource);
            ValidateFields(context, type, applied, "Patch");
            if (!status && _store.GetStored(type, resource.Namespace, name) is null)
            {
                RequireNamespaceExists(resource);
            }

            bool existed = _store.GetStored(type, resource.Namespace, name) is not null;
            JsonObject result = WriteTarget(context, type, resource.Namespace, name).Apply(type, resource.Namespace, applied, QueryOptions.Flag(context.Request, "force"), status);
            await ApiResponses.WriteJsonAsync(context, existed ? 200 : 201, result);
            return;
        }

        for (int attempt = 1; ; attempt++)
        {
            JsonObject current = _store.Get(type, resource.Namespace, name) ?? throw StoreException.NotFound(type, name);
            string? baseVersion = Meta.GetString(current, "resourceVersion");
            JsonObject patched = apply(current, patch);
            if (Meta.Name(patched) != name)
            {
                throw ApiResponses.BadRequest($"the name of the object ({Meta.Name(patched)}) does not match the name on the URL ({name})");
            }

            ValidateFields(context, type, patched, "Patch");
            try
            {
                await ApiResponses.WriteJsonAsync(context, 200, WriteTarget(context, type, resource.Namespace, name).Update(type, resource.Namespace, patched, status));
                return;
            }
            catch (StoreException error) when (error.Reason == "Conflict" && attempt < PatchAttempts && Meta.GetString(patched, "resourceVersion") == baseVersion)
            {
                // Someone else wrote between our read and our write: patch the newer object.
                context.Response.Headers.Remove("Warning");
            }
        }
    }

    private JsonObject Merge(JsonObject target, JsonNode? patch, bool strategic, ResourceType type)
        => MergePatch.Apply(target, patch, strategic, _store.Schemas.For(type)) as JsonObject ?? throw ApiResponses.BadRequest("a merge patch must be a JSON object");

    private static void CheckApplied(JsonObject applied, ResourceType type, string name, ResourcePath resource)
    {
        if (applied["apiVersion"]?.GetValue<string>() is string apiVersion && apiVersion != type.ApiVersion
            || applied["kind"]?.GetValue<string>() is string kind && kind != type.Kind)
        {
            throw ApiResponses.BadRequest($"the apiVersion and kind of the applied configuration must be {type.ApiVersion} {type.Kind}");
        }

        if (Meta.Name(applied) is string appliedName && appliedName != name)
        {
            throw ApiResponses.BadRequest($"the name of the object ({appliedName}) does not match the name on the URL ({name})");
        }

        Meta.Of(applied)["name"] = name;
        CheckNamespace(applied, resource);
    }
}
