using Google.Protobuf;

namespace Slipway.LocalCluster.Api.Protobuf;

/// <summary>
/// The Kubernetes protobuf envelope: the four bytes <c>k8s\0</c>, then a <c>runtime.Unknown</c> whose <c>typeMeta</c> names the
/// object's apiVersion and kind and whose <c>raw</c> is the object's own message (apimachinery <c>runtime/serializer/protobuf</c>).
/// </summary>
internal static class ProtobufEnvelope
{
    private static readonly byte[] s_magic = "k8s\0"u8.ToArray();

    /// <summary>The <c>runtime.Unknown</c> inside <paramref name="body"/>; <see cref="InvalidDataException"/> when it is not an envelope.</summary>
    public static Runtime.Unknown Read(ReadOnlySpan<byte> body)
    {
        if (!body.StartsWith(s_magic))
        {
            throw new InvalidDataException("the body does not start with the Kubernetes protobuf envelope (k8s\\0)");
        }

        Runtime.Unknown unknown;
        try
        {
            unknown = Runtime.Unknown.Parser.ParseFrom(body[s_magic.Length..]);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new InvalidDataException(ex.Message, ex);
        }

        if (unknown.ContentEncoding.Length > 0)
        {
            throw new InvalidDataException($"the content encoding {unknown.ContentEncoding} is not supported");
        }

        return unknown;
    }

    /// <summary><paramref name="message"/> wrapped as kube-apiserver and client-go write it.</summary>
    public static byte[] Write(string apiVersion, string kind, IMessage message)
    {
        var unknown = new Runtime.Unknown
        {
            TypeMeta = new Runtime.TypeMeta { ApiVersion = apiVersion, Kind = kind },
            Raw = message.ToByteString(),
            ContentEncoding = "",
            ContentType = "",
        };
        return [.. s_magic, .. unknown.ToByteArray()];
    }
}
