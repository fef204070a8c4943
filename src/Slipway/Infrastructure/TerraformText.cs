using System.Text.RegularExpressions;

namespace Slipway.Infrastructure;

/// <summary>
/// Reads the diagnostics terraform prints as text (<c>-no-color</c>): each "Error: summary" line starts a
/// block that runs to the next "Error:"/"Warning:" line; an "on FILE line N" line in it gives the location.
/// Box-drawing frames (printed before flags are parsed) are stripped.
/// </summary>
internal static partial class TerraformText
{
    public static IReadOnlyList<TerraformDiagnostic> ParseErrors(string output, Func<string, string> relativePath)
    {
        var diagnostics = new List<TerraformDiagnostic>();
        string? summary = null;
        var detail = new List<string>();
        string? file = null;
        int? line = null;

        void Flush()
        {
            if (summary is not null)
            {
                diagnostics.Add(new TerraformDiagnostic("error", summary, string.Join('\n', detail).Trim('\n'), file, line));
            }

            summary = null;
            detail.Clear();
            file = null;
            line = null;
        }

        foreach (string rawLine in output.Split('\n'))
        {
            string text = StripFrame(rawLine.TrimEnd('\r'));
            if (text.StartsWith("Error: ", StringComparison.Ordinal))
            {
                Flush();
                summary = text["Error: ".Length..].Trim();
                continue;
            }

            if (text.StartsWith("Warning: ", StringComparison.Ordinal))
            {
                Flush();
                continue;
            }

            if (summary is null)
            {
                continue;
            }

            Match location = LocationPattern().Match(text);
            if (location.Success && file is null)
            {
                file = relativePath(location.Groups["file"].Value);
                line = int.Parse(location.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }

            detail.Add(text);
        }

        Flush();
        return diagnostics;
    }

    /// <summary>The value after "Name:" in a block like terraform's "Lock Info:".</summary>
    public static string? Field(string text, string name)
    {
        foreach (string rawLine in text.Split('\n'))
        {
            string line = StripFrame(rawLine).Trim();
            if (line.StartsWith(name + ":", StringComparison.Ordinal))
            {
                string value = line[(name.Length + 1)..].Trim();
                return value.Length == 0 ? null : value;
            }
        }

        return null;
    }

    private static string StripFrame(string line)
    {
        string trimmed = line.TrimStart();
        if (trimmed.StartsWith('│'))
        {
            return trimmed[1..].StartsWith(' ') ? trimmed[2..] : trimmed[1..];
        }

        return trimmed is "╷" or "╵" ? string.Empty : line;
    }

    [GeneratedRegex(@"^\s*on (?<file>.+?) line (?<line>\d+)")]
    private static partial Regex LocationPattern();
}
