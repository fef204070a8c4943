using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Slipway.LocalCluster.Api.Patching;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Api;

internal sealed partial class ResourceApi
{
    private const int PatchAttempts = 10;

    /// <summary>
    /// PATCH with a JSON patch, a merge patch, a strategic merge patch (see <see cref="MergePatch"/>) or server-side apply.
    /// The patch is applied to the current object and stored with its resourceVersion; when another writer got there first
    /// the patch is applied again to the newer object, as the real server does, unless the patch itself names a
    /// resourceVersion (then 409 Conflict). Server-side apply needs <c>fieldManager</c> (422 Invalid without, as the real server validates PatchOptions), creates a missing
    /// object, and merges the applied configuration like a strategic merge patch: it does not track field ownership, so it
    /// neither reports conflicts between managers nor removes fields a manager stopped applying.
    /// </summary>
    private async Task PatchAsync(HttpContext context, ResourcePath resource, ResourceType type, bool status)
    {
        string contentType = (context.Request.ContentType ?? "").Split(';')[0].Trim();
        Func<JsonObject, JsonNode?, JsonObject> apply = contentType switch
        {
            "application/json-patch+json" => JsonPatch.Apply,
            "application/merge-patch+json" => static (target, patch) => Merge(target, patch, strategic: false),
            "application/strategic-merge-patch+json" => static (target, patch) => Merge(target, patch, strategic: true),
            "application/apply-patch+yaml" => static (target, patch) => Merge(target, patch, strategic: true),
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

        JsonNode? patch = await ReadBodyAsync(context);
        string name = resource.Name!;
        for (int attempt = 1; ; attempt++)
        {
            JsonObject? current = _store.Get(type, resource.Namespace, name);
            if (current is null)
            {
                if (!serverSideApply || status)
                {
                    throw StoreException.NotFound(type, name);
                }

                JsonObject applied = patch as JsonObject ?? throw ApiResponses.BadRequest("the applied configuration must be an object");
                CheckApplied(applied, type, name, resource);
                RequireNamespaceExists(resource);
                await ApiResponses.WriteJsonAsync(context, 201, WriteTarget(context, type, resource.Namespace, name).Create(type, resource.Namespace, applied));
                return;
            }

            string? baseVersion = Meta.GetString(current, "resourceVersion");
            if (serverSideApply)
            {
                CheckApplied(patch as JsonObject ?? throw ApiResponses.BadRequest("the applied configuration must be an object"), type, name, resource);
            }

            JsonObject patched = apply(current, patch);
            if (Meta.Name(patched) != name)
            {
                throw ApiResponses.BadRequest($"the name of the object ({Meta.Name(patched)}) does not match the name on the URL ({name})");
            }

            try
            {
                await ApiResponses.WriteJsonAsync(context, 200, WriteTarget(context, type, resource.Namespace, name).Update(type, resource.Namespace, patched, status));
                return;
            }
            catch (StoreException error) when (error.Reason == "Conflict" && attempt < PatchAttempts && Meta.GetString(patched, "resourceVersion") == baseVersion)
            {
                // Someone else wrote between our read and our write: patch the newer object.
            }
        }
    }

    private static JsonObject Merge(JsonObject target, JsonNode? patch, bool strategic)
        => MergePatch.Apply(target, patch, strategic) as JsonObject ?? throw ApiResponses.BadRequest("a merge patch must be a JSON object");

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
