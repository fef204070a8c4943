namespace Slipway.Environments.Settings;

/// <summary><c>gates</c>. Empty lists and zero approvals mean "no such gate".</summary>
public sealed record GatesSettings(
    IReadOnlyList<string> Branches,
    int Approvals,
    TimeSpan Cooling,
    IReadOnlyList<DeploymentWindow> Windows,
    string? PromoteFrom)
{
    /// <summary>The cooling period when <c>gates.cooling</c> is not set.</summary>
    public static readonly TimeSpan DefaultCooling = TimeSpan.FromMinutes(5);

    /// <summary><c>gates.freezes</c>: date ranges in which nothing deploys.</summary>
    public IReadOnlyList<FreezePeriod> Freezes { get; init; } = [];

    /// <summary><c>gates.riskApprovals</c>: approvals added to <see cref="Approvals"/> by the change's risk.</summary>
    public RiskApprovals RiskApprovals { get; init; } = RiskApprovals.Default;
}
