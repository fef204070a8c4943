namespace Slipway.Environments.Validation;

/// <summary>What Validate found: the environments checked and every diagnostic, sorted by file, line and column.</summary>
public sealed class ValidationResult
{
    public ValidationResult(IReadOnlyList<string> environments, IReadOnlyList<Diagnostic> diagnostics)
    {
        Environments = environments;
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<string> Environments { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public int ErrorCount => Diagnostics.Count(diagnostic => diagnostic.IsError);

    public int WarningCount => Diagnostics.Count - ErrorCount;

    public bool Failed(bool warningsAsErrors) => ErrorCount > 0 || (warningsAsErrors && WarningCount > 0);

    /// <summary>The closing line: <c>Validated 9 environments (aio, base, …): 0 errors, 0 warnings</c> (names listed up to 12).</summary>
    public string Summary
        => $"Validated {Environments.Count} environment{Plural(Environments.Count)}{(Environments.Count <= 12 ? $" ({string.Join(", ", Environments)})" : string.Empty)}: {ErrorCount} error{Plural(ErrorCount)}, {WarningCount} warning{Plural(WarningCount)}";

    private static string Plural(int count) => count == 1 ? string.Empty : "s";

    /// <summary>
    /// Throws a <see cref="SlipwayException"/> (Input, exit 2) whose message holds every diagnostic line when there
    /// are errors (or warnings, with <paramref name="warningsAsErrors"/>).
    /// </summary>
    public void ThrowIfFailed(bool warningsAsErrors)
    {
        if (!Failed(warningsAsErrors))
        {
            return;
        }

        IEnumerable<string> lines = Diagnostics.Select(diagnostic => DiagnosticFormatter.Format(
            warningsAsErrors ? diagnostic with { Severity = DiagnosticSeverity.Error } : diagnostic));
        string reason = ErrorCount > 0 ? string.Empty : " (warnings are errors with --warnings-as-errors)";
        throw SlipwayException.Input($"{string.Join(Environment.NewLine, lines)}{Environment.NewLine}{Summary}{reason}");
    }
}
