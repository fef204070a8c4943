using Slipway.Targets;

namespace Slipway.Tests.Targets;

/// <summary>A build whose aggregates imply a parameter value, as build/'s Deploy* targets imply --env.</summary>
public sealed class ImpliedValueBuild : BuildBase
{
    [Parameter("Environment to act on", Name = "env")]
    private readonly string? _environment = null;

    [Parameter("Not a parameter anyone sets")]
    public string? Other;

    public string? Unbound { get; set; }

    public List<string> Ran { get; } = [];

    public Target Ship => _ => _
        .Requires(() => _environment)
        .Executes(() => Ran.Add($"{nameof(Ship)}:{_environment}"));

    public Target ShipDev => _ => _
        .Sets(() => _environment, "dev")
        .DependsOn(Ship)
        .Executes(() => Ran.Add($"{nameof(ShipDev)}:{_environment}"));

    public Target ShipStaging => _ => _
        .Sets(() => _environment, "staging")
        .DependsOn(Ship)
        .Executes(() => Ran.Add($"{nameof(ShipStaging)}:{_environment}"));

    public Target AlsoStaging => _ => _
        .Sets(() => _environment, "staging")
        .Executes(() => Ran.Add(nameof(AlsoStaging)));

    public Target SetsAProperty => _ => _
        .Sets(() => Unbound, "x")
        .Executes(() => Ran.Add(nameof(SetsAProperty)));

    public Target Default => _ => _.DependsOn(Ship);
}
