namespace Slipway.Ci;

/// <summary>A generated file: its path relative to the repository root (with <c>/</c>), and its content.</summary>
public sealed record CiFile(string Path, string Content);
