using System.Globalization;
using System.Text.Json.Nodes;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Api.Patching;

/// <summary>JSON patch (RFC 6902): add, remove, replace, move, copy and test, with JSON pointers (RFC 6901).</summary>
internal static class JsonPatch
{
    public static JsonObject Apply(JsonObject target, JsonNode? patch)
    {
        if (patch is not JsonArray operations)
        {
            throw Invalid("a JSON patch must be an array of operations");
        }

        JsonNode root = target.DeepClone();
        foreach (JsonNode? node in operations)
        {
            if (node is not JsonObject operation)
            {
                throw Invalid("every JSON patch operation must be an object");
            }

            string op = Text(operation, "op");
            string path = Text(operation, "path");
            switch (op)
            {
                case "add":
                    Add(root, path, Value(operation));
                    break;
                case "remove":
                    Remove(root, path);
                    break;
                case "replace":
                    Remove(root, path);
                    Add(root, path, Value(operation));
                    break;
                case "move":
                    JsonNode? moved = Remove(root, Text(operation, "from"));
                    Add(root, path, moved);
                    break;
                case "copy":
                    Add(root, path, Find(root, Text(operation, "from"))?.DeepClone());
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(Find(root, path), operation["value"]))
                    {
                        throw Invalid($"testing value {path} failed");
                    }

                    break;
                default:
                    throw Invalid($"unexpected JSON patch operation \"{op}\"");
            }
        }

        return root as JsonObject ?? throw Invalid("a JSON patch must leave an object");
    }

    private static void Add(JsonNode root, string path, JsonNode? value)
    {
        (JsonNode parent, string token) = Parent(root, path);
        switch (parent)
        {
            case JsonObject obj:
                obj[token] = value;
                break;
            case JsonArray list when token == "-":
                list.Add(value);
                break;
            case JsonArray list:
                int index = Index(token, list.Count + 1, path);
                list.Insert(index, value);
                break;
            default:
                throw Invalid($"add operation does not apply: doc is missing path: \"{path}\"");
        }
    }

    private static JsonNode? Remove(JsonNode root, string path)
    {
        (JsonNode parent, string token) = Parent(root, path);
        switch (parent)
        {
            case JsonObject obj when obj.ContainsKey(token):
                JsonNode? removed = obj[token];
                obj.Remove(token);
                return removed;
            case JsonArray list:
                int index = Index(token, list.Count, path);
                JsonNode? item = list[index];
                list.RemoveAt(index);
                return item;
            default:
                throw Invalid($"remove operation does not apply: doc is missing path: \"{path}\"");
        }
    }

    private static JsonNode? Find(JsonNode root, string path) => Find(root, Tokens(path), path);

    private static JsonNode? Find(JsonNode root, IEnumerable<string> tokens, string path)
    {
        JsonNode? current = root;
        foreach (string token in tokens)
        {
            current = current switch
            {
                JsonObject obj when obj.TryGetPropertyValue(token, out JsonNode? child) => child,
                JsonArray list => list[Index(token, list.Count, path)],
                _ => throw Invalid($"doc is missing path: \"{path}\""),
            };
        }

        return current;
    }

    private static (JsonNode Parent, string Token) Parent(JsonNode root, string path)
    {
        string[] tokens = Tokens(path);
        if (tokens.Length == 0)
        {
            throw Invalid("the root of the object cannot be patched");
        }

        JsonNode? parent = Find(root, tokens[..^1], path);
        return (parent ?? throw Invalid($"doc is missing path: \"{path}\""), tokens[^1]);
    }

    private static string[] Tokens(string path)
    {
        if (path.Length == 0 || path == "/")
        {
            return path.Length == 0 ? [] : [""];
        }

        if (path[0] != '/')
        {
            throw Invalid($"a JSON pointer must start with '/': \"{path}\"");
        }

        return path[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
    }

    private static int Index(string token, int count, string path)
        => int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index < count
            ? index
            : throw Invalid($"doc is missing path: \"{path}\": index out of range");

    private static string Text(JsonObject operation, string field)
        => operation[field] is JsonValue value && value.TryGetValue(out string? text) ? text : throw Invalid($"JSON patch operation is missing \"{field}\"");

    private static JsonNode? Value(JsonObject operation)
        => operation.TryGetPropertyValue("value", out JsonNode? value) ? value?.DeepClone() : throw Invalid("JSON patch operation is missing \"value\"");

    private static StoreException Invalid(string message) => new(422, "Invalid", message);
}
