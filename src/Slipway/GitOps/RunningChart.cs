namespace Slipway.GitOps;

/// <summary>A platform release as the GitOps branch says it runs.</summary>
public sealed record RunningChart(string Name, string? Chart, string? Version, string Path);
