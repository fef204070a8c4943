namespace Slipway.Environments.Settings;

/// <summary>
/// <c>infrastructure</c>: <see cref="Stack"/> is relative to the repository root (e.g. <c>infra/platform</c>);
/// <see cref="Variables"/> are as written, secret references unresolved (use <see cref="SecretResolver"/>).
/// </summary>
public sealed record InfrastructureSettings(
    string Stack,
    string Workspace,
    InfrastructureTool Tool,
    IReadOnlyDictionary<string, string> Variables,
    TimeSpan PlanMaxAge);
