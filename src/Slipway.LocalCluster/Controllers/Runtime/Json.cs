using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Slipway.LocalCluster.Controllers.Runtime;

/// <summary>Small helpers to read and write paths of Kubernetes JSON objects without ceremony.</summary>
internal static class Json
{
    public static JsonNode? At(this JsonNode? node, params string[] path)
    {
        JsonNode? current = node;
        foreach (string segment in path)
        {
            if (current is not JsonObject obj || !obj.TryGetPropertyValue(segment, out current))
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>The string at the path; a number or boolean there is given as its JSON text; null for anything else.</summary>
    public static string? Str(this JsonNode? node, params string[] path)
        => node.At(path) is JsonValue value
            ? value.GetValueKind() switch
            {
                JsonValueKind.String => value.GetValue<string>(),
                JsonValueKind.Null => null,
                _ => value.ToJsonString(),
            }
            : null;

    public static long? Long(this JsonNode? node, params string[] path)
    {
        if (node.At(path) is not JsonValue value)
        {
            return null;
        }

        string text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long number))
        {
            return number;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double real) ? (long)real : null;
    }

    public static bool Bool(this JsonNode? node, params string[] path)
        => node.At(path) is JsonValue value
            && (value.GetValueKind() == JsonValueKind.True
                || (value.GetValueKind() == JsonValueKind.String && string.Equals(value.GetValue<string>(), "true", StringComparison.OrdinalIgnoreCase)));

    public static JsonObject? Obj(this JsonNode? node, params string[] path) => node.At(path) as JsonObject;

    public static JsonArray? Arr(this JsonNode? node, params string[] path) => node.At(path) as JsonArray;

    /// <summary>The object at <paramref name="path"/>, created (and any missing parents) when absent.</summary>
    public static JsonObject Ensure(this JsonObject node, params string[] path)
    {
        JsonObject current = node;
        foreach (string segment in path)
        {
            if (current[segment] is not JsonObject child)
            {
                child = new JsonObject();
                current[segment] = child;
            }

            current = child;
        }

        return current;
    }

    public static JsonNode? Clone(this JsonNode? node) => node?.DeepClone();

    public static bool Same(JsonNode? left, JsonNode? right) => JsonNode.DeepEquals(left, right);

    /// <summary>A JSON text with object keys sorted, so equal content always hashes the same.</summary>
    public static string Canonical(JsonNode? node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            WriteCanonical(writer, node);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A copy of <paramref name="node"/> without object fields whose value is null (Go reads them as absent).</summary>
    public static JsonNode? WithoutNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach ((string key, JsonNode? value) in obj)
                {
                    if (value is not null)
                    {
                        copy[key] = WithoutNulls(value);
                    }
                }

                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(WithoutNulls)]);
            default:
                return node?.DeepClone();
        }
    }

    public static string Sha256(JsonNode? node)
        => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(node))));

    /// <summary>
    /// Merges <paramref name="patch"/> into <paramref name="target"/>: objects merge key by key, everything else
    /// (lists and scalars) is replaced. The result shares no nodes with <paramref name="patch"/>.
    /// </summary>
    public static void MergeInto(JsonObject target, JsonObject patch)
    {
        foreach ((string key, JsonNode? value) in patch)
        {
            if (value is JsonObject patchChild && target[key] is JsonObject targetChild)
            {
                MergeInto(targetChild, patchChild);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    /// <summary>True when every field set in <paramref name="desired"/> has the same value in <paramref name="live"/>.</summary>
    public static bool IsSubsetOf(JsonNode? desired, JsonNode? live)
    {
        if (desired is JsonObject desiredObject)
        {
            if (live is not JsonObject liveObject)
            {
                return false;
            }

            foreach ((string key, JsonNode? value) in desiredObject)
            {
                if (!IsSubsetOf(value, liveObject[key]))
                {
                    return false;
                }
            }

            return true;
        }

        if (desired is JsonArray desiredArray)
        {
            if (live is not JsonArray liveArray || liveArray.Count != desiredArray.Count)
            {
                return false;
            }

            for (int i = 0; i < desiredArray.Count; i++)
            {
                if (!IsSubsetOf(desiredArray[i], liveArray[i]))
                {
                    return false;
                }
            }

            return true;
        }

        return desired is null ? live is null : JsonNode.DeepEquals(desired, live) || string.Equals(desired.ToJsonString().Trim('"'), live?.ToJsonString().Trim('"'), StringComparison.Ordinal);
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (KeyValuePair<string, JsonNode?> pair in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(pair.Key);
                    WriteCanonical(writer, pair.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (JsonNode? item in array)
                {
                    WriteCanonical(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
