namespace Slipway.Environments.Settings;

/// <summary>
/// <c>gates.riskApprovals</c>: approvals a change needs on top of <c>gates.approvals</c> by its risk (medium, high, critical).
/// They apply only where <c>gates.approvals</c> is above zero: an environment that needs no approval needs none for a risky change.
/// </summary>
public sealed record RiskApprovals(int Medium, int High, int Critical)
{
    /// <summary>+1 for a high-risk change, +1 for a critical one (so production's 2 become 3).</summary>
    public static readonly RiskApprovals Default = new(0, 1, 1);
}
