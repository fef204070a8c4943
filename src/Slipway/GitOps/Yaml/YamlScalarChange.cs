using Slipway.Yaml;

namespace Slipway.GitOps.Yaml;

/// <summary>One scalar to set with <see cref="YamlScalarEditor.SetScalars"/>.</summary>
/// <param name="Path">Where the scalar is.</param>
/// <param name="Value">The value it must hold.</param>
/// <param name="Kind">String (quoted when needed) or a literal number/bool.</param>
/// <param name="DocumentKind">The document's <c>kind</c> (or <c>Kind/name</c>); null for the first document holding the path.</param>
public sealed record YamlScalarChange(YamlPath Path, string Value, YamlValueKind Kind = YamlValueKind.String, string? DocumentKind = null);
