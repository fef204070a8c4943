using System.Text.Json.Nodes;
using Slipway.LocalCluster.Store.Schema;

namespace Slipway.LocalCluster.Api.Patching;

/// <summary>
/// JSON merge patch (RFC 7386), and the strategic merge patch kubectl sends, simplified: a strategic patch is a merge patch
/// in which lists merge element by element on the merge key the kind's schema gives them (<c>x-kubernetes-patch-merge-key</c>:
/// containers by <c>name</c>, ports by <c>containerPort</c>), <c>$patch: delete</c> removes an element or a map,
/// <c>$patch: replace</c> replaces a map, and the other <c>$</c> directives (<c>$setElementOrder</c>, <c>$retainKeys</c>,
/// <c>$deleteFromPrimitiveList</c>) are ignored. Lists the schema makes atomic are replaced; where the schema says nothing (kept
/// unknown fields, custom kinds) lists of objects that all carry a <c>name</c> merge on it.
/// </summary>
internal static class MergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch, bool strategic, OpenApiSchemaNode? schema = null)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        if (strategic && Directive(patchObject) is string directive)
        {
            if (directive == "delete")
            {
                return null;
            }

            if (directive == "replace")
            {
                return WithoutDirectives(patchObject);
            }
        }

        JsonObject result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : new JsonObject();
        foreach ((string key, JsonNode? value) in patchObject)
        {
            if (strategic && key.StartsWith('$'))
            {
                continue;
            }

            if (value is null)
            {
                result.Remove(key);
            }
            else if (strategic && value is JsonArray patchList && result[key] is JsonArray targetList && MergeKey(schema?.Field(key), patchList, targetList) is string mergeKey)
            {
                result[key] = MergeByKey(targetList, patchList, mergeKey, schema?.Field(key)?.Items);
            }
            else
            {
                JsonNode? merged = Apply(result[key], value, strategic, schema?.Field(key));
                if (merged is null)
                {
                    result.Remove(key);
                }
                else
                {
                    result[key] = merged;
                }
            }
        }

        return result;
    }

    /// <summary>The key a list merges on: the schema's merge key, none for a list the schema describes without one, else <c>name</c> when every element has it.</summary>
    private static string? MergeKey(OpenApiSchemaNode? list, JsonArray patch, JsonArray target)
    {
        if (list?.Items is not null)
        {
            return list.PatchMergeKey is string key && list.PatchStrategy?.Contains("merge", StringComparison.Ordinal) == true
                && patch.All(element => element is JsonObject obj && obj[key] is JsonValue) && HaveKey(target, key) ? key : null;
        }

        return HaveKey(patch, "name") && HaveKey(target, "name") ? "name" : null;
    }

    private static JsonArray MergeByKey(JsonArray target, JsonArray patch, string mergeKey, OpenApiSchemaNode? item)
    {
        var result = (JsonArray)target.DeepClone();
        foreach (JsonNode? element in patch)
        {
            var patchElement = (JsonObject)element!;
            int index = IndexOf(result, mergeKey, patchElement[mergeKey]);
            bool delete = Directive(patchElement) == "delete";
            if (index < 0)
            {
                if (!delete)
                {
                    result.Add(WithoutDirectives(patchElement));
                }
            }
            else if (delete)
            {
                result.RemoveAt(index);
            }
            else
            {
                JsonNode? merged = Apply(result[index], patchElement, strategic: true, item);
                result[index] = merged;
            }
        }

        return result;
    }

    private static int IndexOf(JsonArray list, string mergeKey, JsonNode? key)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] is JsonObject element && JsonNode.DeepEquals(element[mergeKey], key))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool HaveKey(JsonArray list, string key)
        => list.Count > 0 && list.All(element => element is JsonObject obj && obj[key] is JsonValue);

    private static string? Directive(JsonObject obj) => obj["$patch"] is JsonValue value && value.TryGetValue(out string? directive) ? directive : null;

    private static JsonObject WithoutDirectives(JsonObject obj)
    {
        var result = new JsonObject();
        foreach ((string key, JsonNode? value) in obj)
        {
            if (!key.StartsWith('$'))
            {
                result[key] = value?.DeepClone();
            }
        }

        return result;
    }
}
