namespace Slipway.Infrastructure;

/// <summary>One error or warning terraform reported, with the file and line it points at when it names one.</summary>
public sealed record TerraformDiagnostic(string Severity, string Summary, string Detail, string? File, int? Line)
{
    public bool IsError => string.Equals(Severity, "error", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>path:line: error: summary</c> followed by the detail, indented.</summary>
    public string Format()
    {
        string location = File is null ? string.Empty : Line is null ? $"{File}: " : $"{File}:{Line}: ";
        string text = $"{location}{Severity.ToLowerInvariant()}: {Summary}";
        if (Detail.Length > 0)
        {
            text += Environment.NewLine + string.Join(Environment.NewLine, Detail.Split('\n').Select(static l => "    " + l.TrimEnd('\r')));
        }

        return text;
    }
}
