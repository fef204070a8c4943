using System.Text;
using System.Text.Json.Nodes;

namespace Slipway.LocalCluster.Api;

/// <summary>
/// Reads the spec of a self review sent as Kubernetes protobuf (what kubectl 1.32's typed clients send: the <c>k8s\0</c>
/// envelope around a <c>runtime.Unknown</c> whose <c>raw</c> is the review), field numbers as in
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
            ReadOnlyMemory<byte> raw = Field(body.AsMemory(s_magic.Length), 2) ?? ReadOnlyMemory<byte>.Empty;
            ReadOnlyMemory<byte> spec = Field(raw, 2) ?? ReadOnlyMemory<byte>.Empty;
            var result = new JsonObject();
            if (kind == "SelfSubjectRulesReview")
            {
                result["namespace"] = Text(spec, 1);
            }
            else
            {
                AddStrings(result, "resourceAttributes", Field(spec, 1), s_resourceAttributes);
                AddStrings(result, "nonResourceAttributes", Field(spec, 2), s_nonResourceAttributes);
            }

            return new JsonObject { ["spec"] = result };
        }
        catch (FormatException ex)
        {
            throw ApiResponses.BadRequest($"error decoding the protobuf body of the {kind}: {ex.Message}");
        }
    }

    private static void AddStrings(JsonObject target, string name, ReadOnlyMemory<byte>? message, string[] fields)
    {
        if (message is not ReadOnlyMemory<byte> bytes)
        {
            return;
        }

        var obj = new JsonObject();
        for (int i = 0; i < fields.Length; i++)
        {
            if (Text(bytes, i + 1) is string value)
            {
                obj[fields[i]] = value;
            }
        }

        target[name] = obj;
    }

    private static string? Text(ReadOnlyMemory<byte> message, int number)
        => Field(message, number) is ReadOnlyMemory<byte> bytes ? Encoding.UTF8.GetString(bytes.Span) : null;

    /// <summary>The last length-delimited field <paramref name="number"/> of a message, or null.</summary>
    private static ReadOnlyMemory<byte>? Field(ReadOnlyMemory<byte> message, int number)
    {
        ReadOnlyMemory<byte>? found = null;
        int position = 0;
        while (position < message.Length)
        {
            ulong tag = Varint(message.Span, ref position);
            switch (tag & 7)
            {
                case 0:
                    Varint(message.Span, ref position);
                    break;
                case 1:
                    position += 8;
                    break;
                case 2:
                    int length = checked((int)Varint(message.Span, ref position));
                    if (length < 0 || position + length > message.Length)
                    {
                        throw new FormatException("a field runs past the end of its message");
                    }

                    if ((int)(tag >> 3) == number)
                    {
                        found = message.Slice(position, length);
                    }

                    position += length;
                    break;
                case 5:
                    position += 4;
                    break;
                default:
                    throw new FormatException($"unsupported wire type {tag & 7}");
            }
        }

        return found;
    }

    private static ulong Varint(ReadOnlySpan<byte> bytes, ref int position)
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (position >= bytes.Length)
            {
                throw new FormatException("a varint runs past the end of its message");
            }

            byte b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new FormatException("a varint is longer than 10 bytes");
    }
}
