namespace Slipway.Environments.Yaml;

/// <summary>
/// A scalar value as written. <see cref="IsNull"/> for <c>null</c>, <c>~</c> or nothing (plain style only): a merge
/// deletes the inherited key. <see cref="IsExplicitNull"/> for <c>!null</c>: a real null that survives the merge and
/// reaches chart values (Helm's way to remove a chart default).
/// </summary>
public sealed class ConfigScalar : ConfigNode
{
    public ConfigScalar(string value, bool quoted, SourceLocation location)
        : base(location)
    {
        Value = value;
        Quoted = quoted;
    }

    public string Value { get; }

    /// <summary>True when the scalar was quoted, so it is a string whatever it looks like.</summary>
    public bool Quoted { get; }

    /// <summary>Written <c>!null</c>: a null value kept by the merge, not a deletion.</summary>
    public bool IsExplicitNull { get; init; }

    public bool IsNull => !Quoted && !IsExplicitNull && Value is "" or "null" or "Null" or "NULL" or "~";

    public override string KindName => "scalar";

    public override string ToString() => Value;
}
