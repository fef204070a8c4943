namespace Slipway.Environments.Settings;

/// <summary>
/// <c>infrastructure</c>: <see cref="Stack"/> is relative to the repository root (e.g. <c>infra/platform</c>);
/// <see cref="Variables"/> are as written, secret references unresolved (use <see cref="SecretResolver"/>): a single
/// value as its text, a list or map as plain lists and dictionaries (strings, longs, doubles, bools).
/// <see cref="Workspace"/> may be a <c>${env:…}</c> reference, resolved when used.
/// </summary>
public sealed record InfrastructureSettings(
    string Stack,
    string Workspace,
    InfrastructureTool Tool,
    IReadOnlyDictionary<string, object?> Variables,
    TimeSpan PlanMaxAge)
{
    /// <summary>Where each variable was set: name → <c>environments/dev/env.yaml:12</c>.</summary>
    public IReadOnlyDictionary<string, string> VariableSources { get; init; } = new Dictionary<string, string>();

    /// <summary>Where <see cref="Workspace"/> was set, or null for the default.</summary>
    public string? WorkspaceSource { get; init; }

    public BackendSettings? Backend { get; init; }
}
