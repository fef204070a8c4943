namespace Slipway.Verification;

/// <summary>One entry of an object's <c>status.conditions</c>: its type, status (<c>True</c>, <c>False</c>, <c>Unknown</c>), reason and message.</summary>
public sealed record StatusCondition(string Type, string? Status, string? Reason, string? Message);
