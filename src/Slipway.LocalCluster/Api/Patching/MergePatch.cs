using System.Text.Json.Nodes;

namespace Slipway.LocalCluster.Api.Patching;

/// <summary>
/// JSON merge patch (RFC 7386), and the strategic merge patch kubectl sends, simplified: a strategic patch is a merge patch
/// in which lists of objects that all carry a <c>name</c> (containers, env, volumes, ports with names) merge element by
/// element on that name, <c>$patch: delete</c> removes an element or a map, <c>$patch: replace</c> replaces a map, and the
/// other <c>$</c> directives (<c>$setElementOrder</c>, <c>$retainKeys</c>, <c>$deleteFromPrimitiveList</c>) are ignored.
/// Every other list is replaced, as a merge patch does. The real server knows the merge key of each field from the
/// OpenAPI schema; this one guesses <c>name</c>, which is right for the kinds it serves.
/// </summary>
internal static class MergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch, bool strategic)
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
            else if (strategic && value is JsonArray patchList && result[key] is JsonArray targetList && AreNamed(patchList) && AreNamed(targetList))
            {
                result[key] = MergeByName(targetList, patchList);
            }
            else
            {
                JsonNode? merged = Apply(result[key], value, strategic);
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

    private static JsonArray MergeByName(JsonArray target, JsonArray patch)
    {
        var result = (JsonArray)target.DeepClone();
        foreach (JsonNode? element in patch)
        {
            var patchElement = (JsonObject)element!;
            string name = NameOf(patchElement)!;
            int index = IndexOf(result, name);
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
                JsonNode? merged = Apply(result[index], patchElement, strategic: true);
                result[index] = merged;
            }
        }

        return result;
    }

    private static int IndexOf(JsonArray list, string name)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] is JsonObject element && NameOf(element) == name)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool AreNamed(JsonArray list)
    {
        if (list.Count == 0)
        {
            return false;
        }

        foreach (JsonNode? element in list)
        {
            if (element is not JsonObject obj || NameOf(obj) is null)
            {
                return false;
            }
        }

        return true;
    }

    private static string? NameOf(JsonObject obj) => obj["name"] is JsonValue value && value.TryGetValue(out string? name) ? name : null;

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
