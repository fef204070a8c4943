namespace Slipway.Freezing;

/// <summary>
/// A chart range resolved: the exact <paramref name="Version"/> chosen for <paramref name="Requested"/>, and
/// <paramref name="Source"/>, the index that answered (the mirror's URL when a mirror served it, else the repository's).
/// </summary>
public sealed record ResolvedChart(string Name, string Repository, string Requested, string Version, string Source);
