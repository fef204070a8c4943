using System.Text.RegularExpressions;

namespace Slipway.Environments;

/// <summary>
/// Secret references in values: <c>${env:NAME}</c> (an environment variable) and <c>${file:path}</c> (a file's
/// contents, trimmed; relative paths start at the repository root, <c>~/</c> at the home folder). A value may mix
/// them with text (<c>postgres://app:${env:DB_PASSWORD}@db</c>).
/// </summary>
public static partial class SecretReference
{
    public static bool ContainsReference(string value) => value.Contains("${", StringComparison.Ordinal);

    /// <summary>A message saying what is wrong with the first malformed reference in <paramref name="value"/>, or null.</summary>
    public static string? FindProblem(string value)
    {
        int start = 0;
        while ((start = value.IndexOf("${", start, StringComparison.Ordinal)) >= 0)
        {
            int end = value.IndexOf('}', start);
            if (end < 0)
            {
                return $"secret reference '{value[start..]}' is not closed: write ${{env:NAME}} or ${{file:path}}";
            }

            string reference = value[start..(end + 1)];
            if (!WellFormed().IsMatch(reference))
            {
                return $"malformed secret reference '{reference}': write ${{env:NAME}} (NAME of letters, digits, _) or ${{file:path}}";
            }

            start = end + 1;
        }

        return null;
    }

    /// <summary>True when every non-blank part of the value is a reference or text around one (at least one reference).</summary>
    public static bool IsReference(string value) => ContainsReference(value) && FindProblem(value) is null;

    /// <summary>The references in a value, as (kind, argument) pairs.</summary>
    public static IEnumerable<(string Kind, string Argument, string Text)> Find(string value)
    {
        foreach (Match match in WellFormed().Matches(value))
        {
            yield return (match.Groups[1].Value, match.Groups[2].Value, match.Value);
        }
    }

    [GeneratedRegex(@"\$\{(env|file):((?<=env:)[A-Za-z_][A-Za-z0-9_]*|(?<=file:)[^\s{}]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex WellFormed();
}
