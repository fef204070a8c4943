using Slipway.Environments.Yaml;

namespace Slipway.Environments;

/// <summary>
/// One problem in the environment files. <see cref="File"/> is relative to the repository root with forward slashes;
/// line and column are 1-based. Codes: SLW00xx files and YAML, SLW01xx schema, SLW02xx policy, SLW1xxx warnings
/// (see docs/environments.md).
/// </summary>
public sealed record Diagnostic(string File, int Line, int Column, DiagnosticSeverity Severity, string Code, string Message)
{
    public static Diagnostic Error(SourceLocation at, string code, string message)
        => new(at.File, at.Line, at.Column, DiagnosticSeverity.Error, code, message);

    public static Diagnostic Warning(SourceLocation at, string code, string message)
        => new(at.File, at.Line, at.Column, DiagnosticSeverity.Warning, code, message);

    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The MSBuild/compiler form: <c>environments/production/env.yaml(12,5): error SLW0103: message</c>.</summary>
    public override string ToString() => DiagnosticFormatter.Format(this);
}
