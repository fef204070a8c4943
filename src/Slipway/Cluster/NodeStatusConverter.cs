using System.Text.Json;
using System.Text.Json.Serialization;
using Slipway.Verification;

namespace Slipway.Cluster;

/// <summary>Reads a node's name and <c>status.conditions</c>, and skips the rest (see <see cref="RolloutFields"/>).</summary>
internal sealed class NodeStatusConverter : JsonConverter<NodeStatus>
{
    public override NodeStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string name = string.Empty;
        IReadOnlyList<StatusCondition> conditions = [];
        RolloutFields.StartObject(ref reader);
        while (RolloutFields.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("metadata"u8))
            {
                reader.Read();
                name = RolloutFields.Metadata(ref reader).Name;
            }
            else if (reader.ValueTextEquals("status"u8))
            {
                reader.Read();
                conditions = ReadStatus(ref reader);
            }
            else
            {
                RolloutFields.SkipValue(ref reader);
            }
        }

        return new NodeStatus(name, conditions);
    }

    public override void Write(Utf8JsonWriter writer, NodeStatus value, JsonSerializerOptions options)
        => throw new NotSupportedException("Verify only reads nodes.");

    private static IReadOnlyList<StatusCondition> ReadStatus(ref Utf8JsonReader reader)
    {
        IReadOnlyList<StatusCondition> conditions = [];
        if (!RolloutFields.IsObject(ref reader))
        {
            return conditions;
        }

        while (RolloutFields.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("conditions"u8))
            {
                reader.Read();
                conditions = RolloutFields.Conditions(ref reader);
            }
            else
            {
                RolloutFields.SkipValue(ref reader);
            }
        }

        return conditions;
    }
}
