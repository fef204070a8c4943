namespace Slipway.Environments;

/// <summary>Finds the known name closest to a misspelt one (Levenshtein distance), for "did you mean" hints.</summary>
public static class NameSuggester
{
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        int limit = Math.Max(2, name.Length / 3);
        foreach (string candidate in candidates)
        {
            if (string.Equals(candidate, name, StringComparison.Ordinal))
            {
                // The same string is no suggestion (a key that exists under another spelling of its path, say).
                continue;
            }

            int distance = Distance(name, candidate);
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>" (did you mean 'x'?)" or an empty string.</summary>
    public static string Hint(string name, IEnumerable<string> candidates)
        => Closest(name, candidates) is { } best ? $" (did you mean '{best}'?)" : string.Empty;

    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 8)
        {
            return int.MaxValue;
        }

        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            current.CopyTo(previous);
        }

        return previous[b.Length];
    }
}
