using System.Globalization;
using System.Text.RegularExpressions;

namespace Slipway.Infrastructure;

/// <summary>
/// Reads <c>terraform fmt -check -diff</c>: one finding per file that is not in canonical format, at the
/// first line the formatter would change.
/// </summary>
internal static partial class FormatDiff
{
    public static IReadOnlyList<TerraformDiagnostic> Parse(string diff, string tool, Func<string, string> relativePath)
    {
        var findings = new List<TerraformDiagnostic>();
        string? file = null;
        int oldLine = 0;
        bool reported = false;
        foreach (string rawLine in diff.Split('\n'))
        {
            string line = rawLine.TrimEnd('\r');
            if (line.StartsWith("--- old/", StringComparison.Ordinal))
            {
                file = line["--- old/".Length..];
                reported = false;
                continue;
            }

            if (line.StartsWith("+++ ", StringComparison.Ordinal) || file is null || reported)
            {
                continue;
            }

            Match hunk = HunkPattern().Match(line);
            if (hunk.Success)
            {
                oldLine = int.Parse(hunk.Groups["start"].Value, CultureInfo.InvariantCulture);
                continue;
            }

            if (line.StartsWith('-') || line.StartsWith('+'))
            {
                findings.Add(new TerraformDiagnostic(
                    "error",
                    "not in canonical format",
                    $"run '{tool} fmt' in the stack folder; the formatter would change this line:{Environment.NewLine}{line}",
                    relativePath(file),
                    oldLine));
                reported = true;
            }
            else if (line.StartsWith(' '))
            {
                oldLine++;
            }
        }

        return findings;
    }

    [GeneratedRegex(@"^@@ -(?<start>\d+)")]
    private static partial Regex HunkPattern();
}
