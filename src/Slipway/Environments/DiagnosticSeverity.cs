namespace Slipway.Environments;

public enum DiagnosticSeverity
{
    Warning,
    Error,
}
