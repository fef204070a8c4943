namespace Slipway.Gates;

/// <summary>One changed component of an environment (<c>apps.web</c>, <c>platform.releases.ingress-nginx</c>, <c>infrastructure</c>, a file) and why it is as risky as it is.</summary>
public sealed record ImpactItem(string Component, ChangeRisk Risk, string Reason)
{
    public override string ToString() => $"{Risk.ToString().ToLowerInvariant(),-8} {Component}: {Reason}";
}
