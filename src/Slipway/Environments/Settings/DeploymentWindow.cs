namespace Slipway.Environments.Settings;

/// <summary>A window in <c>gates.windows</c>: deploys are allowed on <see cref="Days"/> between start and end in <see cref="TimeZone"/>.</summary>
public sealed record DeploymentWindow(IReadOnlyList<DayOfWeek> Days, TimeOnly Start, TimeOnly End, string TimeZone);
