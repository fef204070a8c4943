using System.Text.Json.Nodes;

namespace Slipway.LocalCluster.Store;

/// <summary>Small helpers to read and write <c>metadata</c> of a JSON object.</summary>
internal static class Meta
{
    public static JsonObject Of(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject metadata)
        {
            return metadata;
        }

        var created = new JsonObject();
        obj["metadata"] = created;
        return created;
    }

    public static string? GetString(JsonObject obj, string field)
        => obj["metadata"] is JsonObject metadata && metadata[field] is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    public static string? Name(JsonObject obj) => GetString(obj, "name");

    public static string? Namespace(JsonObject obj) => GetString(obj, "namespace");

    public static long Generation(JsonObject obj)
        => obj["metadata"] is JsonObject metadata && metadata["generation"] is JsonValue value && value.TryGetValue(out long generation) ? generation : 0;

    public static IReadOnlyDictionary<string, string> Labels(JsonObject obj)
    {
        if (obj["metadata"] is not JsonObject metadata || metadata["labels"] is not JsonObject labels)
        {
            return s_empty;
        }

        var result = new Dictionary<string, string>(labels.Count, StringComparer.Ordinal);
        foreach ((string key, JsonNode? value) in labels)
        {
            result[key] = value is JsonValue v && v.TryGetValue(out string? text) ? text : value?.ToJsonString() ?? "";
        }

        return result;
    }

    private static readonly Dictionary<string, string> s_empty = new(StringComparer.Ordinal);
}
