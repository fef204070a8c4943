using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Api.Protobuf;

/// <summary>
/// A request body sent as <c>application/vnd.kubernetes.protobuf</c>, read into the JSON object the store keeps: the envelope
/// (<see cref="ProtobufEnvelope"/>), the kind's upstream message (<see cref="ProtobufKinds"/>), then Kubernetes JSON
/// (<see cref="ProtobufToJson"/>) with <c>apiVersion</c> and <c>kind</c> from the envelope.
/// </summary>
internal static class ProtobufBody
{
    /// <summary>The object; 415 for a kind without a protobuf form, 400 for a body that is not a valid envelope or message.</summary>
    public static JsonObject Read(ReadOnlySpan<byte> body, string urlApiVersion, string urlKind)
    {
        Runtime.Unknown unknown;
        try
        {
            unknown = ProtobufEnvelope.Read(body);
        }
        catch (InvalidDataException ex)
        {
            throw ApiResponses.BadRequest($"error decoding the protobuf body of the {urlKind}: {ex.Message}");
        }

        if (unknown.ContentType.Length > 0 && !MediaTypes.IsProtobuf(unknown.ContentType))
        {
            throw ApiResponses.BadRequest($"error decoding the protobuf body of the {urlKind}: the envelope holds {unknown.ContentType}, not protobuf");
        }

        string apiVersion = unknown.TypeMeta?.ApiVersion is { Length: > 0 } sentVersion ? sentVersion : urlApiVersion;
        string kind = unknown.TypeMeta?.Kind is { Length: > 0 } sentKind ? sentKind : urlKind;
        if (apiVersion != urlApiVersion || kind != urlKind)
        {
            throw ApiResponses.BadRequest($"the protobuf body holds a {apiVersion}/{kind}, but this URL takes a {urlApiVersion}/{urlKind}");
        }

        MessageDescriptor descriptor = ProtobufKinds.Find(apiVersion, kind)
            ?? throw new StoreException(415, "UnsupportedMediaType", $"{apiVersion}/{kind} is not served as {MediaTypes.Protobuf}: send it as application/json (protobuf is read for {ProtobufKinds.Names})");
        IMessage message;
        try
        {
            message = descriptor.Parser.ParseFrom(unknown.Raw);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw ApiResponses.BadRequest($"error decoding the protobuf body of the {kind}: {ex.Message}");
        }

        JsonObject fields;
        try
        {
            fields = ProtobufToJson.Object(message);
        }
        catch (InvalidDataException ex)
        {
            throw ApiResponses.BadRequest($"error decoding the protobuf body of the {kind}: {ex.Message}");
        }

        var obj = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
        foreach ((string name, JsonNode? value) in fields.ToList())
        {
            fields.Remove(name);
            obj[name] = value;
        }

        return obj;
    }
}
