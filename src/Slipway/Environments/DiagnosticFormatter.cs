using System.Text;

namespace Slipway.Environments;

/// <summary>Formats diagnostics the way compilers do (editors and CI annotate them) and as GitHub Actions commands.</summary>
public static class DiagnosticFormatter
{
    /// <summary><c>environments/production/env.yaml(12,5): error SLW0103: unknown key 'replcas' (did you mean 'replicas'?)</c></summary>
    public static string Format(Diagnostic diagnostic)
        => $"{diagnostic.File}({diagnostic.Line},{diagnostic.Column}): {SeverityWord(diagnostic.Severity)} {diagnostic.Code}: {diagnostic.Message}";

    /// <summary><c>::error file=environments/production/env.yaml,line=12,col=5::SLW0103: unknown key …</c></summary>
    public static string FormatGitHubActions(Diagnostic diagnostic)
        => $"::{SeverityWord(diagnostic.Severity)} file={EscapeProperty(diagnostic.File)},line={diagnostic.Line},col={diagnostic.Column},title={diagnostic.Code}::{EscapeData(diagnostic.Code + ": " + diagnostic.Message)}";

    /// <summary>All diagnostics in compiler form (and, when <paramref name="gitHubActions"/>, also as workflow commands), one per line.</summary>
    public static IReadOnlyList<string> FormatAll(IEnumerable<Diagnostic> diagnostics, bool gitHubActions)
    {
        var lines = new List<string>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            lines.Add(Format(diagnostic));
            if (gitHubActions)
            {
                lines.Add(FormatGitHubActions(diagnostic));
            }
        }

        return lines;
    }

    private static string SeverityWord(DiagnosticSeverity severity) => severity == DiagnosticSeverity.Error ? "error" : "warning";

    // https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts: data escapes %, CR, LF; properties also ':' and ','.
    private static string EscapeData(string value)
        => new StringBuilder(value).Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A").ToString();

    private static string EscapeProperty(string value)
        => new StringBuilder(EscapeData(value)).Replace(":", "%3A").Replace(",", "%2C").ToString();
}
