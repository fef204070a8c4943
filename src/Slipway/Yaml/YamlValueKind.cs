namespace Slipway.Yaml;

/// <summary>How a value written by <see cref="YamlScalarText.Format"/> must read back.</summary>
public enum YamlValueKind
{
    /// <summary>A string: quoted when a plain scalar would read as a number, bool or null (<c>"1.10"</c>, <c>"true"</c>).</summary>
    String,

    /// <summary>A number or bool written as is (<c>replicaCount: 3</c>).</summary>
    Literal,
}
