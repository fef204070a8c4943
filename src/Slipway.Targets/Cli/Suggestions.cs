namespace Slipway.Targets.Cli;

/// <summary>"Did you mean" suggestions by edit distance.</summary>
public static class Suggestions
{
    public static IReadOnlyList<string> Closest(string input, IEnumerable<string> candidates, int max = 3)
    {
        string lowered = input.ToLowerInvariant();
        return candidates
            .Select(c => (Candidate: c, Distance: Distance(lowered, c.ToLowerInvariant())))
            .Where(x => x.Distance <= Math.Max(2, lowered.Length / 3) || x.Candidate.StartsWith(input, StringComparison.OrdinalIgnoreCase))
            .OrderBy(static x => x.Distance)
            .ThenBy(static x => x.Candidate, StringComparer.Ordinal)
            .Take(max)
            .Select(static x => x.Candidate)
            .ToList();
    }

    /// <summary>" (did you mean 'a' or 'b'?)", or empty when nothing is close.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates, string prefix = "")
    {
        IReadOnlyList<string> closest = Closest(input, candidates);
        return closest.Count == 0 ? string.Empty : $" (did you mean {string.Join(" or ", closest.Select(c => $"'{prefix}{c}'"))}?)";
    }

    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
