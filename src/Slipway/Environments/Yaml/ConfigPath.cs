using System.Text;

namespace Slipway.Environments.Yaml;

/// <summary>
/// Paths of keys in a configuration tree, as <c>ShowConfig --key</c> takes and messages print them: parts joined by
/// dots (<c>apps.web.tag</c>); a key that holds a dot, a bracket or a quote, or is empty, is written in brackets and
/// double quotes (<c>platform.releases.x.values["docker.io"]</c>, backslash escapes <c>\"</c> and <c>\\</c>); single
/// quotes are read too (<c>values['nginx.ingress.kubernetes.io/proxy-body-size']</c>).
/// </summary>
public static class ConfigPath
{
    /// <summary>The keys of <paramref name="path"/>, or null when a bracket or quote is not closed.</summary>
    public static IReadOnlyList<string>? Parse(string path)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        int i = 0;
        while (i < path.Length)
        {
            char c = path[i];
            if (c == '[' && i + 1 < path.Length && path[i + 1] is '"' or '\'')
            {
                if (current.Length > 0)
                {
                    parts.Add(current.ToString());
                    current.Clear();
                }

                char quote = path[i + 1];
                int j = i + 2;
                var key = new StringBuilder();
                while (j < path.Length && path[j] != quote)
                {
                    if (path[j] == '\\' && quote == '"' && j + 1 < path.Length)
                    {
                        j++;
                    }

                    key.Append(path[j]);
                    j++;
                }

                if (j + 1 >= path.Length || path[j + 1] != ']')
                {
                    return null;
                }

                parts.Add(key.ToString());
                i = j + 2;
                if (i < path.Length && path[i] == '.')
                {
                    i++;
                }

                continue;
            }

            if (c == '.')
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }

            i++;
        }

        if (current.Length > 0 || path.Length == 0 || path[^1] == '.')
        {
            parts.Add(current.ToString());
        }

        return parts;
    }

    /// <summary>The path of <paramref name="keys"/>, quoting the keys that need it.</summary>
    public static string Format(IEnumerable<string> keys)
    {
        var text = new StringBuilder();
        foreach (string key in keys)
        {
            if (NeedsQuotes(key))
            {
                text.Append("[\"").Append(key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\"]");
            }
            else
            {
                if (text.Length > 0)
                {
                    text.Append('.');
                }

                text.Append(key);
            }
        }

        return text.ToString();
    }

    /// <summary><paramref name="prefix"/> (a formatted path, or empty) extended by <paramref name="key"/>.</summary>
    public static string Append(string prefix, string key)
    {
        if (NeedsQuotes(key))
        {
            return prefix + Format([key]);
        }

        return prefix.Length == 0 ? key : $"{prefix}.{key}";
    }

    private static bool NeedsQuotes(string key) => key.Length == 0 || key.AsSpan().IndexOfAny(".[]\"'\\") >= 0;
}
