using Slipway.Environments;
using Slipway.Freezing.Lock;

namespace Slipway.Freezing;

/// <summary>
/// One freeze: the environment merged without its lock, the lock it has (or null), the operator, the one key to refresh
/// (<c>--only</c>, null for all), and how to show a source URL in the lock (the local cluster's random port becomes
/// <c>local:</c>, so that a re-freeze writes the same bytes).
/// </summary>
public sealed record FreezeRequest(ResolvedEnvironment Environment, VersionLock? Existing, PinOperator Operator)
{
    public string? Only { get; init; }

    public IReadOnlyList<ModuleRequest> Modules { get; init; } = [];

    public Func<string, string> DescribeSource { get; init; } = static source => source;
}
