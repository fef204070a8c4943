namespace Slipway.Environments;

/// <summary>
/// Git's rules for a branch name, as <c>git check-ref-format --branch</c> applies them, so a bad <c>gitops.branch</c> is
/// refused by Validate instead of by Git at deploy time.
/// </summary>
public static class GitBranchName
{
    /// <summary>The same rules as a JSON-schema (ECMAScript) pattern, for editors.</summary>
    public const string Pattern = @"^(?!@$|HEAD$|[-/.]|.*(\.\.|@\{|//|/\.|\.lock(/|$)|[/.]$))[^\x00-\x20~^:?*\[\\\x7f]+$";

    /// <summary>What makes <paramref name="name"/> an invalid branch name, or null when Git accepts it.</summary>
    public static string? FindProblem(string name)
    {
        string quoted = $"'{name}'";
        if (name.Length == 0)
        {
            return "the name is empty";
        }

        if (name is "@" or "HEAD")
        {
            return name == "@" ? "'@' alone is not a branch name" : "'HEAD' is the name Git gives the current commit";
        }

        if (FindCharacter(name) is { } character)
        {
            return $"{quoted} contains {character}";
        }

        foreach (string sequence in (string[])["..", "@{", "//"])
        {
            if (name.Contains(sequence, StringComparison.Ordinal))
            {
                return $"{quoted} contains '{sequence}'";
            }
        }

        if (name[0] is '-' or '/')
        {
            return $"{quoted} starts with '{name[0]}'";
        }

        if (name[^1] is '/' or '.')
        {
            return $"{quoted} ends with '{name[^1]}'";
        }

        foreach (string component in name.Split('/'))
        {
            if (component.StartsWith('.'))
            {
                return $"{quoted} has a part starting with '.' ('{component}')";
            }

            if (component.EndsWith(".lock", StringComparison.Ordinal))
            {
                return component.Length == name.Length || name.EndsWith("/" + component, StringComparison.Ordinal)
                    ? $"{quoted} ends with '.lock'"
                    : $"{quoted} has a part ending with '.lock' ('{component}')";
            }
        }

        return null;
    }

    private static string? FindCharacter(string name)
    {
        foreach (char c in name)
        {
            switch (c)
            {
                case ' ':
                    return "a space";
                case < ' ' or '\u007f':
                    return "a control character";
                case '~' or '^' or ':' or '?' or '*' or '[' or '\\':
                    return $"'{c}'";
            }
        }

        return null;
    }
}
