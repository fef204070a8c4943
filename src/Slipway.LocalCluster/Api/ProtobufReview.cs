using System.Text;
using System.Text.Json.Nodes;
using Slipway.Infrastructure;

namespace Slipway.LocalCluster.Api;

/// <summary>
/// Reads the spec of a self review sent as Kubernetes protobuf (what kubectl 1.32's typed clients may send: the
/// <c>k8s\0</c> envelope around a <c>runtime.Unknown</c> whose field 2 is the review), field numbers as in
/// <c>k8s.io/api/authorization/v1/generated.proto</c>. Only the string fields of the spec are read; the rest is skipped.
/// </summary>
internal static class ProtobufReview
{
    private static readonly byte[] s_magic = "k8s\0"u8.ToArray();
    private static readonly string[] s_resourceAttributes = ["namespace", "verb", "group", "version", "resource", "subresource", "name"];
    private static readonly string[] s_nonResourceAttributes = ["path", "verb"];

    public static JsonObject Read(byte[] body, string kind)
    {
        if (!body.AsSpan().StartsWith(s_magic))
        {
            throw ApiResponses.BadRequest($"the protobuf body of the {kind} does not start with the Kubernetes envelope (k8s\\0)");
        }

        try
        {
            ReadOnlySpan<byte> raw = Field(body.AsSpan(s_magic.Length), 2);
            ReadOnlySpan<byte> spec = Field(raw, 2);
            JsonObject result = kind == "SelfSubjectRulesReview" ? Strings(spec, ["namespace"]) : new JsonObject();
            if (kind != "SelfSubjectRulesReview")
            {
                foreach ((string name, JsonObject attributes) in new[] { ("resourceAttributes", Strings(Field(spec, 1), s_resourceAttributes)), ("nonResourceAttributes", Strings(Field(spec, 2), s_nonResourceAttributes)) })
                {
                    if (attributes.Count > 0)
                    {
                        result[name] = attributes;
                    }
                }
            }

            return new JsonObject { ["spec"] = result };
        }
        catch (InvalidDataException ex)
        {
            throw ApiResponses.BadRequest($"error decoding the protobuf body of the {kind}: {ex.Message}");
        }
    }

    /// <summary>The string fields 1, 2, … of a message, named by <paramref name="names"/>; absent ones are left out.</summary>
    private static JsonObject Strings(ReadOnlySpan<byte> message, string[] names)
    {
        var obj = new JsonObject();
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            if (reader.WireType == 2 && reader.Field >= 1 && reader.Field <= names.Length)
            {
                obj[names[reader.Field - 1]] = Encoding.UTF8.GetString(reader.ReadBytes());
            }
            else
            {
                reader.Skip();
            }
        }

        return obj;
    }

    /// <summary>The last length-delimited field <paramref name="number"/> of a message, or empty.</summary>
    private static ReadOnlySpan<byte> Field(ReadOnlySpan<byte> message, int number)
    {
        ReadOnlySpan<byte> found = [];
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            if (reader.WireType == 2 && reader.Field == number)
            {
                found = reader.ReadBytes();
            }
            else
            {
                reader.Skip();
            }
        }

        return found;
    }
}
