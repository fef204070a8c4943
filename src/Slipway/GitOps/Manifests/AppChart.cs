namespace Slipway.GitOps.Manifests;

/// <summary>A Helm chart from a chart repository (https or oci) for an app.</summary>
/// <param name="Name">The chart's name.</param>
/// <param name="Repository">The chart repository URL.</param>
/// <param name="Version">The chart version.</param>
public sealed record AppChart(string Name, string Repository, string Version);
