using System.Runtime.CompilerServices;
using System.Text.Json;
using Slipway.Verification;

namespace Slipway.Cluster;

/// <summary>
/// Reads list bodies straight into Verify's records (<see cref="NodeStatus"/>, <see cref="DeploymentStatus"/>,
/// <see cref="PodStatus"/>) in one pass of a <see cref="Utf8JsonReader"/> over the buffered body: only the fields the
/// rollout rules use are read, the rest of each object is skipped unread. Listing 10,000 pods this way costs a fraction
/// of deserializing them whole into KubernetesClient's models, and less than the serializer with those models cut down
/// to the same fields (a serializer converter would see each item twice: once buffered ahead, once read).
/// The helpers below read one value each; they are called with the reader on that value's first token and leave it on its last.
/// The reading methods are compiled optimized from their first call (a deploy's first Verify pass reads the largest lists
/// there are, and unoptimized first-tier code would read them several times slower).
/// </summary>
internal static class RolloutFields
{
    /// <summary>Reads one item of a list, from its first token to its last.</summary>
    public delegate T ItemReader<out T>(ref Utf8JsonReader reader);

    /// <summary>The <c>items</c> of a list body; a body that is not a list of objects is a <see cref="JsonException"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static IReadOnlyList<T> ReadList<T>(ReadOnlySpan<byte> body, ItemReader<T> read)
    {
        var reader = new Utf8JsonReader(body);
        var items = new List<T>();
        try
        {
            reader.Read();
            StartObject(ref reader);
            while (NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("items"u8))
                {
                    reader.Read();
                    if (IsArray(ref reader))
                    {
                        while (NextItem(ref reader))
                        {
                            StartObject(ref reader);
                            items.Add(read(ref reader));
                        }
                    }
                }
                else
                {
                    SkipValue(ref reader);
                }
            }
        }
        catch (InvalidOperationException ex)
        {
            throw new JsonException($"Cannot read the list at byte {reader.BytesConsumed}: {ex.Message}", ex);
        }

        return items;
    }

    /// <summary>Moves to the next property name of the object being read; false at its end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool NextProperty(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>Skips the value of the property the reader is on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    /// <summary>Checks that the reader is on the start of an object.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void StartObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object, not {reader.TokenType}.");
        }
    }

    /// <summary>True on the start of an object, false on null; anything else is not what Kubernetes sends.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsObject(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => true,
        JsonTokenType.Null => false,
        _ => throw new JsonException($"Expected an object or null, not {reader.TokenType}."),
    };

    /// <summary>True on the start of an array, false on null; anything else is not what Kubernetes sends.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsArray(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartArray => true,
        JsonTokenType.Null => false,
        _ => throw new JsonException($"Expected an array or null, not {reader.TokenType}."),
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string? String(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetString();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int? Int(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long? Long(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetInt64();

    /// <summary><c>metadata</c>: namespace, name (empty when absent) and generation (0 when absent).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool NextItem(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType != JsonTokenType.EndArray;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
