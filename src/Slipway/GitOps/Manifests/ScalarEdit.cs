using Slipway.GitOps.Yaml;
using Slipway.Yaml;

namespace Slipway.GitOps.Manifests;

/// <summary>One scalar Slipway owns in a manifest: spliced into an existing file, leaving the rest alone.</summary>
/// <param name="DocumentKind">The <c>kind</c> of the YAML document (a file may hold several).</param>
/// <param name="Path">Where the scalar is in that document.</param>
/// <param name="Value">The value it must hold.</param>
/// <param name="Kind">String (quoted when needed) or a literal number/bool.</param>
public sealed record ScalarEdit(string DocumentKind, YamlPath Path, string Value, YamlValueKind Kind = YamlValueKind.String)
{
    public static ScalarEdit Of(string documentKind, string path, string value, YamlValueKind kind = YamlValueKind.String)
        => new(documentKind, YamlPath.Parse(path), value, kind);

    /// <summary>Applies the edits in order; <paramref name="sourceName"/> names the file in errors.</summary>
    public static string ApplyAll(string text, IEnumerable<ScalarEdit> edits, string sourceName)
        => YamlScalarEditor.SetScalars(text, edits.Select(e => new YamlScalarChange(e.Path, e.Value, e.Kind, e.DocumentKind)).ToArray(), sourceName);
}
