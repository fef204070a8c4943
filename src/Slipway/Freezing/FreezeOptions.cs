using Slipway.Freezing.Lock;

namespace Slipway.Freezing;

/// <summary>The Freeze target's parameters: <c>--operator</c>, <c>--only</c>, <c>--check</c>.</summary>
public sealed record FreezeOptions(PinOperator Operator = PinOperator.Exact, string? Only = null, bool Check = false);
