using Slipway.Targets.Cli;

namespace Slipway.Targets.Parameters;

/// <summary>Options on the command line and keys in parameter files that name no parameter, each with a suggestion.</summary>
internal static class UnknownNames
{
    public static IEnumerable<string> InOptions(ParsedArguments parsed, IReadOnlyList<ParameterDescriptor> parameters)
    {
        var known = new HashSet<string>(BuiltInOptions.Names, StringComparer.Ordinal);
        known.UnionWith(parameters.Select(static p => NameConvention.Normalize(p.Name)));
        known.UnionWith(parameters.Select(static p => NameConvention.Normalize(p.MemberName)));
        IEnumerable<string> candidates = parameters.Select(static p => p.Name).Concat(["help", "plan", "format", "skip", "target", "profile", "root", "continue", "verbose"]);
        foreach ((string key, ParsedOption option) in parsed.Options)
        {
            if (!known.Contains(key))
            {
                yield return $"Unknown parameter '{option.Token}'{Suggestions.DidYouMean(option.Token.TrimStart('-'), candidates, "--")}. Run ./build.sh --help to list parameters.";
            }
        }
    }

    public static IEnumerable<string> InFiles(IReadOnlyList<ParameterFile> files, IReadOnlyList<ParameterDescriptor> parameters)
    {
        var known = new HashSet<string>(parameters.Select(static p => NameConvention.Normalize(p.Name)), StringComparer.Ordinal) { "target", "skip", "verbose" };
        known.UnionWith(parameters.Select(static p => NameConvention.Normalize(p.MemberName)));
        foreach (ParameterFile file in files)
        {
            foreach ((string normalized, (string key, _)) in file.Values)
            {
                if (!known.Contains(normalized))
                {
                    yield return $"{file.DisplayPath}: unknown parameter \"{key}\"{Suggestions.DidYouMean(key, parameters.Select(static p => p.MemberName))}.";
                }
            }
        }
    }
}
