namespace Slipway.Environments.Settings;

/// <summary>
/// <c>infrastructure.backend</c>: the backend type and its settings as written (secret references unresolved), and
/// where each was set (<c>type</c>, <c>config.&lt;key&gt;</c> → <c>file:line</c>).
/// </summary>
public sealed record BackendSettings(string Type, IReadOnlyDictionary<string, string> Config, IReadOnlyDictionary<string, string> Sources);
