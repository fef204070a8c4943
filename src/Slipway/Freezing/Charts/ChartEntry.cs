namespace Slipway.Freezing.Charts;

/// <summary>One chart version of a repository index (<c>entries.&lt;name&gt;[]</c> of <c>index.yaml</c>).</summary>
public sealed record ChartEntry(string Name, string Version, string? AppVersion, string? Created, string? Digest, IReadOnlyList<string> Urls);
