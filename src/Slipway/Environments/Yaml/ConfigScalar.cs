namespace Slipway.Environments.Yaml;

/// <summary>A scalar value as written. <see cref="IsNull"/> for <c>null</c>, <c>~</c> or nothing (plain style only).</summary>
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

    public bool IsNull => !Quoted && Value is "" or "null" or "Null" or "NULL" or "~";

    public override string KindName => "scalar";

    public override string ToString() => Value;
}
