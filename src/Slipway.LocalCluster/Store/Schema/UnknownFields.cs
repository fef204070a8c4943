using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Slipway.LocalCluster.Store.Schema;

/// <summary>
/// What field validation finds in a request body: fields the kind's schema does not describe (as the real server's decoder reports
/// them, <c>spec.template.spec.containers[0].foo</c>), which it can also drop, and keys given twice in one JSON object.
/// </summary>
public static class UnknownFields
{
    /// <summary>The paths of the fields <paramref name="schema"/> does not describe; with <paramref name="prune"/> they are removed from <paramref name="node"/>.</summary>
    public static IReadOnlyList<string> Find(JsonNode? node, OpenApiSchemaNode schema, bool prune)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var found = new List<string>();
        Walk(node, schema, "", prune, found);
        return found;
    }

    /// <summary>The keys that occur twice in one object of <paramref name="json"/>, by name, in the order met.</summary>
    public static IReadOnlyList<string> Duplicates(ReadOnlySpan<byte> json)
    {
        var found = new List<string>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var scopes = new Stack<HashSet<string>?>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        scopes.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.StartArray:
                        scopes.Push(null);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        scopes.Pop();
                        break;
                    case JsonTokenType.PropertyName when scopes.Peek() is HashSet<string> keys:
                        string name = reader.GetString()!;
                        if (!keys.Add(name))
                        {
                            found.Add(name);
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed JSON is reported by the parser that reads the body.
        }

        return found;
    }

    private static void Walk(JsonNode? node, OpenApiSchemaNode schema, string path, bool prune, List<string> found)
    {
        if (node is JsonArray list && schema.Items is OpenApiSchemaNode item)
        {
            for (int i = 0; i < list.Count; i++)
            {
                Walk(list[i], item, $"{path}[{i}]", prune, found);
            }

            return;
        }

        if (node is not JsonObject obj || schema.Type != "object" || (schema.Properties is null && schema.AdditionalProperties is null))
        {
            return;
        }

        List<string>? unknown = null;
        foreach ((string key, JsonNode? value) in obj)
        {
            string fieldPath = path.Length == 0 ? key : new StringBuilder(path).Append('.').Append(key).ToString();
            if (schema.Field(key) is OpenApiSchemaNode field)
            {
                Walk(value, field, fieldPath, prune, found);
            }
            else if (!schema.PreserveUnknownFields)
            {
                found.Add(fieldPath);
                (unknown ??= []).Add(key);
            }
        }

        if (prune && unknown is not null)
        {
            foreach (string key in unknown)
            {
                obj.Remove(key);
            }
        }
    }
}
