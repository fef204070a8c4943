using System.Runtime.CompilerServices;
using System.Text.Json;
using Slipway.Verification;

namespace Slipway.Cluster;

/// <summary>Reads a node's name and <c>status.conditions</c>, and skips the rest (see <see cref="RolloutFields"/>); called on the object's first token, leaves the reader on its last.</summary>
internal static class NodeStatusReader
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static NodeStatus Read(ref Utf8JsonReader reader)
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
