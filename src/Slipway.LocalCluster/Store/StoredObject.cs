using System.Text.Json;
using System.Text.Json.Nodes;

namespace Slipway.LocalCluster.Store;

/// <summary>
/// One object as the store keeps it: never mutated once stored, so readers may hold it outside the lock.
/// The serialized form is kept so that a large list goes out without re-serializing every object.
/// </summary>
internal sealed class StoredObject
{
    public StoredObject(ResourceType type, string @namespace, string name, long resourceVersion, JsonObject obj)
    {
        Type = type;
        Namespace = @namespace;
        Name = name;
        ResourceVersion = resourceVersion;
        Json = Serialize(obj);
        Object = Parse(Json);
    }

    public ResourceType Type { get; }

    /// <summary>The namespace, or the empty string for cluster-scoped kinds.</summary>
    public string Namespace { get; }

    public string Name { get; }

    public long ResourceVersion { get; }

    /// <summary>
    /// The stored object, read-only by convention. It is parsed back from <see cref="Json"/>, so every number in it reads as
    /// any numeric type (<c>GetValue&lt;long&gt;()</c> and <c>GetValue&lt;int&gt;()</c> both work), as in an object read from HTTP.
    /// </summary>
    public JsonObject Object { get; }

    /// <summary>The object as UTF-8 JSON.</summary>
    public byte[] Json { get; }

    public string? Uid => Meta.GetString(Object, "uid");

    public JsonObject Clone() => (JsonObject)Object.DeepClone();

    /// <summary>An object parsed from its serialized form.</summary>
    public static JsonObject Parse(byte[] json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>Writes the node with <see cref="Utf8JsonWriter"/> directly (no serializer metadata to build at start-up).</summary>
    public static byte[] Serialize(JsonNode node)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            node.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
