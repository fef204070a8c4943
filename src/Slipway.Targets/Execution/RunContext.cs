using Slipway.Targets.Output;

namespace Slipway.Targets.Execution;

/// <summary>What a run gets from its surroundings; tests make their own.</summary>
internal sealed record RunContext(
    MaskingTextWriter Out,
    MaskingTextWriter Error,
    IReadOnlyDictionary<string, string> EnvironmentVariables,
    string CurrentDirectory,
    bool IsTerminal);
