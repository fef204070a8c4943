using System.Text.Json.Serialization;

namespace Slipway.Infrastructure;

/// <summary>One resource a plan touches (or that drifted): its address, the action and terraform's reason, if any.</summary>
public sealed record ResourceChange(string Address, PlanAction Action, string? Reason)
{
    /// <summary>True when the action destroys the real object (terraform's actions contain "delete").</summary>
    [JsonIgnore]
    public bool IsDestructive => Action is PlanAction.Delete or PlanAction.Replace;
}
