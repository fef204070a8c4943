using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Slipway.LocalCluster.Api.Protobuf;

/// <summary>
/// A decoded Kubernetes protobuf message as the JSON object the API serves, walking the message descriptors (Google.Protobuf's
/// <c>JsonFormatter</c> writes proto3 JSON, not Kubernetes JSON). The field names of the upstream <c>generated.proto</c> files are
/// the Go <c>json</c> tag names, so they are used as they are. Kubernetes' own encodings: <c>IntOrString</c> is a number or a string,
/// <c>Quantity</c> its string, <c>Time</c> and <c>MicroTime</c> RFC 3339 strings (a zero Time is left out, as Go writes <c>null</c>),
/// <c>FieldsV1</c> the JSON it carries, <c>bytes</c> (Secret data) base64; embedded Go structs are inlined.
/// </summary>
/// <remarks>
/// A field the sender did not set is left out. A set empty string or empty bytes field is left out too, as Go's <c>omitempty</c>
/// does; a set zero number or <c>false</c> is kept, because the wire does not tell a Go pointer (where zero means something, like
/// <c>replicas: 0</c>) from a plain field (written even when zero); only <c>metadata.generation: 0</c>, which every object carries
/// and the server sets, is left out. Map values and list items are always kept.
/// </remarks>
internal static class ProtobufToJson
{
    /// <summary>
    /// The fields that are embedded Go structs (<c>json:",inline"</c> in k8s.io/api core/v1 <c>types.go</c>): protobuf nests
    /// them, JSON has their fields in the enclosing object (<c>livenessProbe.httpGet</c>, not <c>livenessProbe.handler.httpGet</c>).
    /// </summary>
    private static readonly HashSet<string> s_inlined =
    [
        "k8s.io.api.core.v1.Probe.handler",
        "k8s.io.api.core.v1.Volume.volumeSource",
        "k8s.io.api.core.v1.EphemeralContainer.ephemeralContainerCommon",
        .. new[] { "ConfigMapEnvSource", "ConfigMapKeySelector", "ConfigMapProjection", "ConfigMapVolumeSource", "SecretEnvSource", "SecretKeySelector", "SecretProjection" }
            .Select(message => $"k8s.io.api.core.v1.{message}.localObjectReference"),
    ];

    public static JsonObject Object(IMessage message)
    {
        var obj = new JsonObject();
        foreach (FieldDescriptor field in message.Descriptor.Fields.InDeclarationOrder())
        {
            JsonNode? value = Field(field, message);
            if (value is JsonObject embedded && s_inlined.Contains(field.FullName))
            {
                foreach ((string name, JsonNode? inner) in embedded.ToList())
                {
                    embedded.Remove(name);
                    obj[name] = inner;
                }
            }
            else if (value is not null)
            {
                obj[field.Name] = value;
            }
        }

        return obj;
    }

    private static JsonNode? Field(FieldDescriptor field, IMessage message)
    {
        object value = field.Accessor.GetValue(message);
        if (field.IsMap)
        {
            var map = (IDictionary)value;
            if (map.Count == 0)
            {
                return null;
            }

            FieldDescriptor valueField = field.MessageType.FindFieldByNumber(2);
            var obj = new JsonObject();
            foreach (DictionaryEntry entry in map)
            {
                obj[Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!] = Value(valueField, entry.Value!);
            }

            return obj;
        }

        if (field.IsRepeated)
        {
            var list = (IList)value;
            return list.Count == 0 ? null : new JsonArray([.. list.Cast<object>().Select(item => Value(field, item))]);
        }

        if (field.HasPresence && !field.Accessor.HasValue(message))
        {
            return null;
        }

        return value switch
        {
            string { Length: 0 } => null,
            0L when message is MetaV1.ObjectMeta && field.Name == "generation" => null,
            ByteString { IsEmpty: true } => null,
            _ => Value(field, value),
        };
    }

    /// <summary>One value of a field (a singular value, a list item or a map value).</summary>
    private static JsonNode? Value(FieldDescriptor field, object value) => value switch
    {
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        int number => JsonValue.Create(number),
        long number => JsonValue.Create(number),
        uint number => JsonValue.Create(number),
        ulong number => JsonValue.Create(number),
        double number => JsonValue.Create(number),
        float number => JsonValue.Create(number),
        ByteString bytes => JsonValue.Create(bytes.ToBase64()),
        Intstr.IntOrString intOrString => intOrString.Type == 1 ? JsonValue.Create(intOrString.StrVal) : JsonValue.Create(intOrString.IntVal),
        Resource.Quantity quantity => JsonValue.Create(quantity.String),
        MetaV1.Time time => time.Seconds == 0 && time.Nanos == 0 ? null : JsonValue.Create(Timestamp(time.Seconds, time.Nanos).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
        MetaV1.MicroTime time => JsonValue.Create(Timestamp(time.Seconds, time.Nanos).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)),
        MetaV1.FieldsV1 fields => EmbeddedJson(fields.Raw, field),
        IMessage nested => Object(nested),
        _ => throw new InvalidDataException($"field {field.FullName} has a value of an unexpected type ({value.GetType().Name})"),
    };

    private static DateTime Timestamp(long seconds, int nanos)
        => DateTime.UnixEpoch.AddSeconds(seconds).AddTicks(nanos / 100);

    private static JsonNode? EmbeddedJson(ByteString raw, FieldDescriptor field)
    {
        if (raw.IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(raw.Span);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"field {field.FullName} does not hold JSON: {ex.Message}", ex);
        }
    }
}
