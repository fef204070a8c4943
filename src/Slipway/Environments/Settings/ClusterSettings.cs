namespace Slipway.Environments.Settings;

/// <summary><c>cluster</c>: the embedded local cluster (<see cref="Local"/>) or a kubeconfig file and context.</summary>
public sealed record ClusterSettings(bool Local, string? Kubeconfig, string? Context);
