namespace Slipway.Environments.Settings;

/// <summary><c>gates</c>. Empty lists and zero approvals mean "no such gate".</summary>
public sealed record GatesSettings(
    IReadOnlyList<string> Branches,
    int Approvals,
    TimeSpan Cooling,
    IReadOnlyList<DeploymentWindow> Windows,
    string? PromoteFrom);
