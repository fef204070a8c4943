using System.Text.Json.Nodes;

namespace Slipway.LocalCluster.Controllers.Runtime;

/// <summary>One <c>status.conditions</c> entry to set: type, status (<c>True</c>, <c>False</c>, <c>Unknown</c>), reason and message.</summary>
internal sealed record Condition(string Type, string Status, string Reason, string Message)
{
    /// <summary>Further fields (for example <c>lastUpdateTime</c>, <c>observedGeneration</c>), written before lastTransitionTime.</summary>
    public JsonObject? Extra { get; init; }
}
