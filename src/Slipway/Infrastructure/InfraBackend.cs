namespace Slipway.Infrastructure;

/// <summary>
/// Where an environment keeps its state (<c>infrastructure.backend</c>): the backend <see cref="Type"/> (written into a
/// generated <c>slipway_backend_override.tf</c> of the stack) and its <see cref="Config"/>, passed at <c>init</c> as
/// <c>-backend-config</c> values — secret ones through a private file deleted after init, never on the command line.
/// <see cref="Sources"/> names where each was set (<c>type</c> and <c>config.&lt;key&gt;</c> → <c>file:line</c>), so
/// terraform's errors point at the environment's keys.
/// </summary>
public sealed record InfraBackend(string Type, IReadOnlyDictionary<string, InfraVariable> Config)
{
    public IReadOnlyDictionary<string, string> Sources { get; init; } = new Dictionary<string, string>();
}
