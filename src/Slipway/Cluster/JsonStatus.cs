using System.Text.Json;

namespace Slipway.Cluster;

/// <summary>Small readers for status fields of custom objects.</summary>
internal static class JsonStatus
{
    public static string? Text(JsonElement obj, params string[] path)
        => Find(obj, path) is { ValueKind: JsonValueKind.String } text ? text.GetString() : null;

    /// <summary>The value at that path of objects, or null.</summary>
    public static JsonElement? Find(JsonElement obj, params string[] path)
    {
        JsonElement current = obj;
        foreach (string part in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>(status, reason, message) of the condition of that type, or null.</summary>
    public static (string Status, string Reason, string Message)? Condition(JsonElement obj, string type)
    {
        if (obj.TryGetProperty("status", out JsonElement status) && status.TryGetProperty("conditions", out JsonElement conditions) && conditions.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement condition in conditions.EnumerateArray())
            {
                if (Text(condition, "type") == type)
                {
                    return (Text(condition, "status") ?? string.Empty, Text(condition, "reason") ?? string.Empty, Text(condition, "message") ?? string.Empty);
                }
            }
        }

        return null;
    }
}
