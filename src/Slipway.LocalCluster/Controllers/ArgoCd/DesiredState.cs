using Slipway.LocalCluster.Controllers.Manifests;

namespace Slipway.LocalCluster.Controllers.ArgoCd;

/// <summary>What an Application's source says should run: the resolved revision and the objects, or why it could not be read.</summary>
internal sealed record DesiredState(string Revision, IReadOnlyList<PlannedObject> Objects, string SourceType, string? Error)
{
    public static DesiredState Failed(string message) => new(string.Empty, [], string.Empty, message);
}
