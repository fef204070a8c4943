namespace Slipway.Targets.Output;

/// <summary>
/// GitHub Actions workflow commands (<c>::name key=value::data</c>), escaped as the runner unescapes them: in the data
/// <c>%</c>, CR and LF; in a property also <c>:</c> and <c>,</c>.
/// </summary>
internal static class WorkflowCommands
{
    public static string EscapeData(string text)
        => text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    public static string EscapeProperty(string text)
        => EscapeData(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    public static string Error(string title, string message) => $"::error title={EscapeProperty(title)}::{EscapeData(message)}";

    /// <summary>
    /// The <c>::add-mask::</c> lines for <paramref name="secret"/>: one per line of it, since the runner masks line by
    /// line (a multi-line secret registered whole would still show).
    /// </summary>
    public static IEnumerable<string> AddMask(string secret)
        => secret.Split('\n')
            .Select(static line => line.TrimEnd('\r'))
            .Where(static line => line.Trim().Length > 0)
            .Select(static line => $"::add-mask::{EscapeData(line)}");
}
