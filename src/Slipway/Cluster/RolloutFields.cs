using System.Text.Json;
using Slipway.Verification;

namespace Slipway.Cluster;

/// <summary>
/// Reads list bodies straight into Verify's records (<see cref="NodeStatus"/>, <see cref="DeploymentStatus"/>,
/// <see cref="PodStatus"/>): the converters take only the fields the rollout rules use and skip the rest of each object
/// unread. Listing 10,000 pods this way costs about a tenth of deserializing them whole into KubernetesClient's models.
/// The helpers below read one value each; they are called with the reader on that value's first token and leave it on its last.
/// </summary>
internal static class RolloutFields
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        Converters = { new NodeStatusConverter(), new DeploymentStatusConverter(), new PodStatusConverter() },
    };

    /// <summary>Moves to the next property name of the object being read; false at its end.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>
    /// Skips the value of the property the reader is on. A converter reading from a stream gets a reader that is not on
    /// the final block, on which <see cref="Utf8JsonReader.Skip"/> throws; the serializer has buffered the converter's
    /// whole value, so <see cref="Utf8JsonReader.TrySkip"/> always succeeds here.
    /// </summary>
    public static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (!reader.TrySkip())
        {
            throw new JsonException("The object being read is incomplete.");
        }
    }

    /// <summary>Checks that the reader is on the start of an object (a converter's value: null never reaches one).</summary>
    public static void StartObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object, not {reader.TokenType}.");
        }
    }

    /// <summary>True on the start of an object, false on null; anything else is not what Kubernetes sends.</summary>
    public static bool IsObject(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => true,
        JsonTokenType.Null => false,
        _ => throw new JsonException($"Expected an object or null, not {reader.TokenType}."),
    };

    /// <summary>True on the start of an array, false on null; anything else is not what Kubernetes sends.</summary>
    public static bool IsArray(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartArray => true,
        JsonTokenType.Null => false,
        _ => throw new JsonException($"Expected an array or null, not {reader.TokenType}."),
    };

    public static string? String(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetString();

    public static int? Int(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();

    public static long? Long(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetInt64();

    /// <summary><c>metadata</c>: namespace, name (empty when absent) and generation (0 when absent).</summary>
    public static (string Namespace, string Name, long Generation) Metadata(ref Utf8JsonReader reader)
    {
        (string ns, string name, long generation) = (string.Empty, string.Empty, 0);
        if (!IsObject(ref reader))
        {
            return (ns, name, generation);
        }

        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("name"u8))
            {
                reader.Read();
                name = String(ref reader) ?? string.Empty;
            }
            else if (reader.ValueTextEquals("namespace"u8))
            {
                reader.Read();
                ns = String(ref reader) ?? string.Empty;
            }
            else if (reader.ValueTextEquals("generation"u8))
            {
                reader.Read();
                generation = Long(ref reader) ?? 0;
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return (ns, name, generation);
    }

    /// <summary><c>status.conditions</c>: type, status, reason, message of each.</summary>
    public static IReadOnlyList<StatusCondition> Conditions(ref Utf8JsonReader reader)
    {
        if (!IsArray(ref reader))
        {
            return [];
        }

        var conditions = new List<StatusCondition>();
        while (NextItem(ref reader))
        {
            if (Condition(ref reader) is { } condition)
            {
                conditions.Add(condition);
            }
        }

        return conditions;
    }

    /// <summary>Moves to the next item of the array being read; false at its end.</summary>
    public static bool NextItem(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType != JsonTokenType.EndArray;
    }

    private static StatusCondition? Condition(ref Utf8JsonReader reader)
    {
        if (!IsObject(ref reader))
        {
            return null;
        }

        (string type, string? status, string? reason, string? message) = (string.Empty, null, null, null);
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = String(ref reader) ?? string.Empty;
            }
            else if (reader.ValueTextEquals("status"u8))
            {
                reader.Read();
                status = String(ref reader);
            }
            else if (reader.ValueTextEquals("reason"u8))
            {
                reader.Read();
                reason = String(ref reader);
            }
            else if (reader.ValueTextEquals("message"u8))
            {
                reader.Read();
                message = String(ref reader);
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return new StatusCondition(type, status, reason, message);
    }
}
