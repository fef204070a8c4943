using Slipway.Targets.Cli;

namespace Slipway.Targets.Execution;

/// <summary>The targets a run asks for (or the default ones) and the ones it skips, resolved case-insensitively.</summary>
internal sealed record TargetSelection(IReadOnlyList<string> Requested, IReadOnlyList<string> Skip, bool SkipAllButRequested)
{
    public static TargetSelection Resolve(ParsedArguments parsed, IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<string> defaultTargets, List<string> problems)
    {
        List<string> requested = ResolveNames(parsed.Targets.Concat(parsed.Values(BuiltInOptions.Target)), targets, problems);
        if (requested.Count == 0 && problems.Count == 0)
        {
            requested.AddRange(defaultTargets);
        }

        IEnumerable<string> skipNames = parsed.Values(BuiltInOptions.Skip).SelectMany(static v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        List<string> skip = ResolveNames(skipNames, targets, problems);
        return new TargetSelection(requested, skip, parsed.Has(BuiltInOptions.Skip) && parsed.Values(BuiltInOptions.Skip).Count == 0);
    }

    private static List<string> ResolveNames(IEnumerable<string> names, IReadOnlyList<ExecutableTarget> targets, List<string> problems)
    {
        var result = new List<string>();
        foreach (string name in names)
        {
            ExecutableTarget? match = targets.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                problems.Add($"Unknown target '{name}'{Suggestions.DidYouMean(name, targets.Select(static t => t.Name))}. Run ./build.sh --help to list targets.");
            }
            else if (!result.Contains(match.Name, StringComparer.Ordinal))
            {
                result.Add(match.Name);
            }
        }

        return result;
    }
}
