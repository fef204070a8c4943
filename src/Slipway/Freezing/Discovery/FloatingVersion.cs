using Slipway.Environments.Yaml;
using Slipway.Freezing.Lock;

namespace Slipway.Freezing.Discovery;

/// <summary>
/// A version of an environment that Freeze pins: a chart (<see cref="Chart"/>), an image tag (<see cref="Image"/>) or a
/// module constraint (<see cref="Module"/>), under configuration key <paramref name="Key"/>, as <paramref name="Requested"/>
/// at <paramref name="Location"/> (the layer that set it).
/// </summary>
public sealed record FloatingVersion(LockEntryKind Kind, string Key, string Subject, string Requested, SourceLocation Location)
{
    public ChartRequest? Chart { get; init; }

    public ImageRequest? Image { get; init; }

    public ModuleRequest? Module { get; init; }
}
