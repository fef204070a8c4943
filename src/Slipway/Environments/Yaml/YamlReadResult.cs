namespace Slipway.Environments.Yaml;

/// <summary>The tree read from one file (null when the file is empty or unreadable) and the problems found reading it.</summary>
public sealed record YamlReadResult(ConfigNode? Root, IReadOnlyList<Diagnostic> Diagnostics);
