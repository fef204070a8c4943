namespace Slipway.GitOps;

/// <summary>One thing a deploy changes: <c>web staging-122 -> staging-123</c>.</summary>
/// <param name="Name">What changed (<c>web</c>, <c>web replicas</c>, <c>ingress-nginx</c>).</param>
/// <param name="From">The value before; null when it is new.</param>
/// <param name="To">The value after.</param>
public sealed record VersionChange(string Name, string? From, string To)
{
    public override string ToString() => $"{Name} {From ?? "(new)"} -> {To}";
}
