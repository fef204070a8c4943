namespace Slipway.Targets.Execution;

/// <summary>What a run gets from its surroundings; tests make their own.</summary>
internal sealed record RunContext(
    TextWriter Out,
    TextWriter Error,
    IReadOnlyDictionary<string, string> EnvironmentVariables,
    string CurrentDirectory,
    bool IsTerminal);
