using System.Runtime.CompilerServices;
using System.Text.Json;
using Slipway.Verification;

namespace Slipway.Cluster;

/// <summary>
/// Reads a Deployment's name, namespace, generation, <c>spec.replicas</c> and the status fields the rollout rules use, and
/// skips the rest (see <see cref="RolloutFields"/>); called on the object's first token, leaves the reader on its last.
/// </summary>
internal static class DeploymentStatusReader
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DeploymentStatus Read(ref Utf8JsonReader reader)
    {
        (string ns, string name, long generation) = (string.Empty, string.Empty, 0);
        int? desired = null;
        DeploymentStatus status = new() { Namespace = string.Empty, Name = string.Empty };
        RolloutFields.StartObject(ref reader);
        while (RolloutFields.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("metadata"u8))
            {
                reader.Read();
                (ns, name, generation) = RolloutFields.Metadata(ref reader);
            }
            else if (reader.ValueTextEquals("spec"u8))
            {
                reader.Read();
                desired = ReadSpec(ref reader);
            }
            else if (reader.ValueTextEquals("status"u8))
            {
                reader.Read();
                status = ReadStatus(ref reader);
            }
            else
            {
                RolloutFields.SkipValue(ref reader);
            }
        }

        return status with { Namespace = ns, Name = name, Generation = generation, DesiredReplicas = desired };
    }

    /// <summary><c>spec.replicas</c>, or null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int? ReadSpec(ref Utf8JsonReader reader)
    {
        int? replicas = null;
        if (!RolloutFields.IsObject(ref reader))
        {
            return replicas;
        }

        while (RolloutFields.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("replicas"u8))
            {
                reader.Read();
                replicas = RolloutFields.Int(ref reader);
            }
            else
            {
                RolloutFields.SkipValue(ref reader);
            }
        }

        return replicas;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static DeploymentStatus ReadStatus(ref Utf8JsonReader reader)
    {
        (long observed, int replicas, int updated, int available) = (0, 0, 0, 0);
        IReadOnlyList<StatusCondition> conditions = [];
        if (RolloutFields.IsObject(ref reader))
        {
            while (RolloutFields.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("observedGeneration"u8))
                {
                    reader.Read();
                    observed = RolloutFields.Long(ref reader) ?? 0;
                }
                else if (reader.ValueTextEquals("replicas"u8))
                {
                    reader.Read();
                    replicas = RolloutFields.Int(ref reader) ?? 0;
                }
                else if (reader.ValueTextEquals("updatedReplicas"u8))
                {
                    reader.Read();
                    updated = RolloutFields.Int(ref reader) ?? 0;
                }
                else if (reader.ValueTextEquals("availableReplicas"u8))
                {
                    reader.Read();
                    available = RolloutFields.Int(ref reader) ?? 0;
                }
                else if (reader.ValueTextEquals("conditions"u8))
                {
                    reader.Read();
                    conditions = RolloutFields.Conditions(ref reader);
                }
                else
                {
                    RolloutFields.SkipValue(ref reader);
                }
            }
        }

        return new DeploymentStatus
        {
            Namespace = string.Empty,
            Name = string.Empty,
            ObservedGeneration = observed,
            Replicas = replicas,
            UpdatedReplicas = updated,
            AvailableReplicas = available,
            Conditions = conditions,
        };
    }
}
