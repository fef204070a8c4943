namespace Slipway.Environments.Yaml;

/// <summary>Where a value was written: a file path relative to the repository root (forward slashes), 1-based line and column.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}";
}
