namespace Slipway.Verification;

/// <summary>What Verify reads of a Flux HelmRelease: the generation asked for, the one the helm controller observed, and the conditions.</summary>
public sealed record HelmReleaseStatus(string Namespace, string Name, long Generation, long ObservedGeneration, IReadOnlyList<StatusCondition> Conditions);
