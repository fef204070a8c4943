using System.Text;
using System.Text.Json.Nodes;
using Slipway.LocalCluster.Store.Schema;

namespace Slipway.LocalCluster.Store.ManagedFields;

/// <summary>
/// The fields of an object as server-side apply counts them, each a path of <c>f:&lt;field&gt;</c>, <c>k:{keys}</c> (an element
/// of a keyed list) and <c>v:&lt;value&gt;</c> (an element of a set) steps, with the value found there. Leaves, empty objects,
/// atomic lists and keyed list elements are members; an object's fields are members, the object itself is not. The identity
/// fields (<c>apiVersion</c>, <c>kind</c>, <c>metadata.name</c>, uid, resourceVersion…) are never owned; <c>status</c> belongs to
/// the status subresource only.
/// </summary>
internal static class FieldSet
{
    /// <summary>Separates the steps of a path (no step contains it: keys and values are JSON-escaped, field names are identifiers).</summary>
    public const char Separator = '\n';

    private static readonly HashSet<string> s_unownedMetadata = new(StringComparer.Ordinal)
    {
        "name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds",
    };

    /// <summary>Every member path of <paramref name="obj"/> with its value: the main resource's fields, or with <paramref name="status"/> only <c>status</c>.</summary>
    public static Dictionary<string, JsonNode?> Of(JsonObject obj, OpenApiSchemaNode schema, bool status)
    {
        var fields = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach ((string key, JsonNode? value) in obj)
        {
            if (key is "apiVersion" or "kind" || (key == "status") != status)
            {
                continue;
            }

            if (key == "metadata" && value is JsonObject metadata)
            {
                foreach ((string field, JsonNode? fieldValue) in metadata)
                {
                    if (!s_unownedMetadata.Contains(field))
                    {
                        Collect(fieldValue, schema.Field("metadata")?.Field(field), $"f:metadata{Separator}f:{field}", fields);
                    }
                }

                continue;
            }

            Collect(value, schema.Field(key), "f:" + key, fields);
        }

        return fields;
    }

    /// <summary>The readable form of a path, as conflicts name it: <c>.spec.template.spec.containers[name="web"].image</c>.</summary>
    public static string Display(string path)
    {
        var text = new StringBuilder();
        foreach (string step in path.Split(Separator))
        {
            if (step.StartsWith("f:", StringComparison.Ordinal))
            {
                text.Append('.').Append(step, 2, step.Length - 2);
            }
            else if (step.StartsWith("k:", StringComparison.Ordinal) && JsonNode.Parse(step[2..]) is JsonObject keys)
            {
                text.Append('[').AppendJoin(',', keys.Select(k => $"{k.Key}={k.Value?.ToJsonString()}")).Append(']');
            }
            else if (step.StartsWith("v:", StringComparison.Ordinal))
            {
                text.Append("[=").Append(step, 2, step.Length - 2).Append(']');
            }
        }

        return text.ToString();
    }

    /// <summary>True when <paramref name="path"/> or anything under it is in <paramref name="set"/>.</summary>
    public static bool OwnsWithin(IReadOnlySet<string> set, string path)
    {
        if (set.Contains(path))
        {
            return true;
        }

        string prefix = path + Separator;
        return set.Any(p => p.StartsWith(prefix, StringComparison.Ordinal));
    }

    /// <summary>True for a key field of a keyed list element (<c>k:{"name":"web"}</c> then <c>f:name</c>): it goes only with its element.</summary>
    public static bool IsElementKey(string path)
    {
        string[] steps = path.Split(Separator);
        return steps.Length >= 2 && steps[^2].StartsWith("k:", StringComparison.Ordinal) && steps[^1].StartsWith("f:", StringComparison.Ordinal)
            && JsonNode.Parse(steps[^2][2..]) is JsonObject keys && keys.ContainsKey(steps[^1][2..]);
    }

    /// <summary>Removes the field or list element at <paramref name="path"/> from <paramref name="obj"/>, if it is there.</summary>
    public static void Remove(JsonObject obj, string path)
    {
        string[] steps = path.Split(Separator);
        JsonNode? parent = obj;
        for (int i = 0; i < steps.Length - 1 && parent is not null; i++)
        {
            parent = Step(parent, steps[i]);
        }

        string last = steps[^1];
        if (parent is JsonObject parentObject && last.StartsWith("f:", StringComparison.Ordinal))
        {
            parentObject.Remove(last[2..]);
        }
        else if (parent is JsonArray list && Step(list, last) is JsonNode element)
        {
            list.Remove(element);
        }
    }

    private static JsonNode? Step(JsonNode node, string step)
    {
        if (step.StartsWith("f:", StringComparison.Ordinal))
        {
            return node is JsonObject obj ? obj[step[2..]] : null;
        }

        if (node is not JsonArray list)
        {
            return null;
        }

        foreach (JsonNode? element in list)
        {
            if (step.StartsWith("k:", StringComparison.Ordinal) && element is JsonObject item && JsonNode.Parse(step[2..]) is JsonObject keys
                && keys.All(k => JsonNode.DeepEquals(item[k.Key], k.Value)))
            {
                return element;
            }

            if (step.StartsWith("v:", StringComparison.Ordinal) && element?.ToJsonString() == step[2..])
            {
                return element;
            }
        }

        return null;
    }

    private static void Collect(JsonNode? node, OpenApiSchemaNode? schema, string path, Dictionary<string, JsonNode?> fields)
    {
        if (node is JsonObject obj && obj.Count > 0 && schema?.Type is null or "object")
        {
            foreach ((string key, JsonNode? value) in obj)
            {
                Collect(value, schema?.Field(key), $"{path}{Separator}f:{key}", fields);
            }

            return;
        }

        if (node is JsonArray list && schema?.Items is OpenApiSchemaNode item)
        {
            IReadOnlyList<string> keys = schema.ElementKeys;
            if (keys.Count > 0 && list.All(e => e is JsonObject))
            {
                foreach (JsonObject element in list.Cast<JsonObject>())
                {
                    string elementPath = $"{path}{Separator}k:{KeyOf(element, keys)}";
                    fields[elementPath] = null;
                    Collect(element, item, elementPath, fields);
                }

                return;
            }

            if (schema.ListType == "set")
            {
                foreach (JsonNode? element in list)
                {
                    fields[$"{path}{Separator}v:{element?.ToJsonString() ?? "null"}"] = element;
                }

                return;
            }
        }

        fields[path] = node;
    }

    private static string KeyOf(JsonObject element, IReadOnlyList<string> keys)
    {
        var key = new JsonObject();
        foreach (string name in keys.Order(StringComparer.Ordinal))
        {
            if (element[name] is JsonNode value)
            {
                key[name] = value.DeepClone();
            }
        }

        return key.ToJsonString();
    }
}
