using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Slipway.LocalCluster.Store;

public sealed partial class InMemoryResourceStore
{
    /// <summary>The whole state as one buffer (<see cref="ExportStateAsync"/> into memory).</summary>
    public byte[] ExportState()
    {
        using var buffer = new MemoryStream();
        ExportStateAsync(buffer, CancellationToken.None).GetAwaiter().GetResult();
        return buffer.ToArray();
    }

    /// <summary>
    /// Writes the whole state (<c>{"resourceVersion": N, "objects": [...]}</c>) as one consistent snapshot to
    /// <paramref name="destination"/>, 64 KiB at a time. Objects are written from their stored serialized form, so the lock is
    /// held only while the snapshot is taken, and no buffer of the whole state is made (with 10,000 pods it is ~24 MB, and
    /// making it twice a second was a gen-2 collection each time: a quarter of the cluster's create rate).
    /// </summary>
    public async Task ExportStateAsync(Stream destination, CancellationToken cancellationToken)
    {
        List<StoredObject> all = [];
        long resourceVersion;
        lock (_lock)
        {
            resourceVersion = _resourceVersion;
            foreach (SortedDictionary<string, SortedDictionary<string, StoredObject>> table in _tables.Values)
            {
                foreach (SortedDictionary<string, StoredObject> names in table.Values)
                {
                    all.AddRange(names.Values);
                }
            }
        }

        await using var writer = new Utf8JsonWriter(destination);
        writer.WriteStartObject();
        writer.WriteNumber("resourceVersion", resourceVersion);
        writer.WriteStartArray("objects");
        foreach (StoredObject stored in all)
        {
            writer.WriteRawValue(stored.Json, skipInputValidation: true);
            if (writer.BytesPending > 64 * 1024)
            {
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Builds a store from a state written by <see cref="ExportState"/>. Objects of kinds this store does not serve are
    /// dropped. Watches can start at the loaded resourceVersion, not before (older ones get 410 Gone).
    /// </summary>
    public static InMemoryResourceStore ImportState(ReadOnlySpan<byte> state, IReadOnlyList<ResourceType> types, TimeProvider timeProvider, int historyCapacity)
    {
        var store = new InMemoryResourceStore(types, timeProvider, historyCapacity, createInitialNamespaces: false);
        JsonObject root = JsonNode.Parse(state) as JsonObject ?? throw new JsonException("The state is not a JSON object.");
        long resourceVersion = root["resourceVersion"]?.GetValue<long>() ?? 0;
        if (root["objects"] is JsonArray objects)
        {
            store.ServeDefinitions(objects.OfType<JsonObject>());
            foreach (JsonNode? node in objects)
            {
                if (node is JsonObject obj
                    && store.FindTypeByKind(obj["apiVersion"]?.GetValue<string>() ?? "", obj["kind"]?.GetValue<string>() ?? "") is ResourceType type
                    && Meta.Name(obj) is string name)
                {
                    string ns = NamespaceKey(type, Meta.Namespace(obj));
                    long objectVersion = long.TryParse(Meta.GetString(obj, "resourceVersion"), NumberStyles.None, CultureInfo.InvariantCulture, out long parsed) ? parsed : 0;
                    var stored = new StoredObject(type, ns, name, objectVersion, obj);
                    store.Names(type, ns)[name] = stored;
                    store.IndexOwners(stored, add: true);
                    resourceVersion = Math.Max(resourceVersion, objectVersion);
                }
            }
        }

        store._resourceVersion = resourceVersion;
        store._historyStart = resourceVersion;
        return store;
    }
}
