namespace Slipway.Environments.Settings;

/// <summary><c>platform</c>: Helm releases by name.</summary>
public sealed record PlatformSettings(IReadOnlyDictionary<string, ReleaseSettings> Releases);
