namespace Slipway.Gates;

/// <summary>The emergency overrides a run was given: <c>--break-glass --reason</c> (approvals) and <c>--outside-window --reason</c> (windows and freezes).</summary>
public sealed record GateOverrides(bool BreakGlass, bool OutsideWindow, string? Reason)
{
    public static readonly GateOverrides None = new(false, false, null);
}
