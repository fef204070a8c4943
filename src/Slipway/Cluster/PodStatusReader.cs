using System.Runtime.CompilerServices;
using System.Text.Json;
using Slipway.Verification;

namespace Slipway.Cluster;

/// <summary>
/// Reads a pod's name, namespace and (init) container statuses — name, restart count, waiting reason and message — and
/// skips the rest (see <see cref="RolloutFields"/>); called on the object's first token, leaves the reader on its last.
/// </summary>
internal static class PodStatusReader
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static PodStatus Read(ref Utf8JsonReader reader)
    {
        (string ns, string name) = (string.Empty, string.Empty);
        (IReadOnlyList<ContainerStatus> init, IReadOnlyList<ContainerStatus> containers) = ([], []);
        RolloutFields.StartObject(ref reader);
        while (RolloutFields.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("metadata"u8))
            {
                reader.Read();
                (ns, name, _) = RolloutFields.Metadata(ref reader);
            }
            else if (reader.ValueTextEquals("status"u8))
            {
                reader.Read();
                (init, containers) = ReadStatus(ref reader);
            }
            else
            {
                RolloutFields.SkipValue(ref reader);
            }
        }

        return new PodStatus(ns, name, init, containers);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (IReadOnlyList<ContainerStatus> Init, IReadOnlyList<ContainerStatus> Containers) ReadStatus(ref Utf8JsonReader reader)
    {
        (IReadOnlyList<ContainerStatus> init, IReadOnlyList<ContainerStatus> containers) = ([], []);
        if (!RolloutFields.IsObject(ref reader))
        {
            return (init, containers);
        }

        while (RolloutFields.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("initContainerStatuses"u8))
            {
                reader.Read();
                init = ReadContainers(ref reader);
            }
            else if (reader.ValueTextEquals("containerStatuses"u8))
            {
                reader.Read();
                containers = ReadContainers(ref reader);
            }
            else
            {
                RolloutFields.SkipValue(ref reader);
            }
        }

        return (init, containers);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static IReadOnlyList<ContainerStatus> ReadContainers(ref Utf8JsonReader reader)
    {
        if (!RolloutFields.IsArray(ref reader))
        {
            return [];
        }

        var containers = new List<ContainerStatus>(1);
        while (RolloutFields.NextItem(ref reader))
        {
            if (ReadContainer(ref reader) is { } container)
            {
                containers.Add(container);
            }
        }

        return containers;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ContainerStatus? ReadContainer(ref Utf8JsonReader reader)
    {
        if (!RolloutFields.IsObject(ref reader))
        {
            return null;
        }

        (string name, int restarts, string? reason, string? message) = (string.Empty, 0, null, null);
        while (RolloutFields.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("name"u8))
            {
                reader.Read();
                name = RolloutFields.String(ref reader) ?? string.Empty;
            }
            else if (reader.ValueTextEquals("restartCount"u8))
            {
                reader.Read();
                restarts = RolloutFields.Int(ref reader) ?? 0;
            }
            else if (reader.ValueTextEquals("state"u8))
            {
                reader.Read();
                (reason, message) = ReadWaiting(ref reader);
            }
            else
            {
                RolloutFields.SkipValue(ref reader);
            }
        }

        return new ContainerStatus(name, restarts, reason, message);
    }

    /// <summary><c>state.waiting</c>'s reason and message; nulls when the container does not wait.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (string? Reason, string? Message) ReadWaiting(ref Utf8JsonReader reader)
    {
        (string? reason, string? message) = (null, null);
        if (!RolloutFields.IsObject(ref reader))
        {
            return (reason, message);
        }

        while (RolloutFields.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("waiting"u8))
            {
                reader.Read();
                if (RolloutFields.IsObject(ref reader))
                {
                    while (RolloutFields.NextProperty(ref reader))
                    {
                        if (reader.ValueTextEquals("reason"u8))
                        {
                            reader.Read();
                            reason = RolloutFields.String(ref reader);
                        }
                        else if (reader.ValueTextEquals("message"u8))
                        {
                            reader.Read();
                            message = RolloutFields.String(ref reader);
                        }
                        else
                        {
                            RolloutFields.SkipValue(ref reader);
                        }
                    }
                }
            }
            else
            {
                RolloutFields.SkipValue(ref reader);
            }
        }

        return (reason, message);
    }
}
