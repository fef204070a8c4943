namespace Slipway.Freezing;

/// <summary>A module constraint resolved to the newest exact <paramref name="Version"/> the registry lists, and the URL that answered.</summary>
public sealed record ResolvedModule(string Name, string Source, string Requested, string Version, string SourceUrl);
