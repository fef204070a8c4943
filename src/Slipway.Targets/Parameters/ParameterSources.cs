namespace Slipway.Targets.Parameters;

/// <summary>The raw inputs parameters are bound from, highest priority first.</summary>
internal sealed record ParameterSources(
    IReadOnlyDictionary<string, (string Token, IReadOnlyList<string> Values)> CommandLine,
    IReadOnlyDictionary<string, string> EnvironmentVariables,
    IReadOnlyList<ParameterFile> Files);
