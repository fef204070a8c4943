namespace Slipway.Targets.Parameters;

/// <summary>
/// Binds every parameter from the highest-priority source that has it: command line, environment variable
/// with the prefix <c>SLIPWAY_</c> (<c>SLIPWAY_PLAN_FILE</c>), profile files (later profiles first), parameters.json, default.
/// All problems are collected and reported together. Variables without the prefix are ignored: ordinary shell
/// variables such as <c>TAG</c>, <c>ENV</c> or <c>NAME</c> must never change what a run does.
/// </summary>
internal static class ParameterBinder
{
    public const string EnvironmentPrefix = "SLIPWAY_";

    public static ParameterBinding Bind(object build, IReadOnlyList<ParameterDescriptor> parameters, ParameterSources sources, ParameterValueConverter converter)
    {
        var binding = new ParameterBinding();
        Dictionary<string, string> environment = NormalizeEnvironment(sources.EnvironmentVariables);
        foreach (ParameterDescriptor parameter in parameters)
        {
            string key = NameConvention.Normalize(parameter.Name);
            try
            {
                (IReadOnlyList<string> Values, string Source)? found = Find(parameter, key, sources, environment);
                if (found is { } value)
                {
                    parameter.SetValue(build, converter.Convert(parameter, value.Values, value.Source));
                    binding.Bound.Add(parameter.Name);
                }
            }
            catch (BuildException ex)
            {
                binding.Problems.Add(ex.Message);
            }

            if (parameter.IsSecret && parameter.GetValue(build) is { } secret)
            {
                foreach (string text in secret is string[] array ? array : [secret.ToString()!])
                {
                    if (!string.IsNullOrEmpty(text))
                    {
                        binding.Secrets.Add(text);
                    }
                }
            }
        }

        return binding;
    }

    private static (IReadOnlyList<string>, string)? Find(ParameterDescriptor parameter, string key, ParameterSources sources, Dictionary<string, string> environment)
    {
        if (sources.CommandLine.TryGetValue(key, out (string Token, IReadOnlyList<string> Values) option)
            || sources.CommandLine.TryGetValue(NameConvention.Normalize(parameter.MemberName), out option))
        {
            return (option.Values, $"from {option.Token}");
        }

        // an empty variable is an unset one (CI systems pass an input left empty as ''): later sources still apply
        if (environment.TryGetValue(key, out string? envName) && (sources.EnvironmentVariables[envName].Length > 0 || IsFlag(parameter)))
        {
            string value = sources.EnvironmentVariables[envName];
            return (value.Length == 0 && IsFlag(parameter) ? [] : [value], $"from environment variable {envName}");
        }

        for (int i = sources.Files.Count - 1; i >= 0; i--)
        {
            if (sources.Files[i].Values.TryGetValue(key, out (string Key, IReadOnlyList<string> Values) entry)
                || sources.Files[i].Values.TryGetValue(NameConvention.Normalize(parameter.MemberName), out entry))
            {
                return (entry.Values, $"from {sources.Files[i].DisplayPath}");
            }
        }

        return null;
    }

    private static bool IsFlag(ParameterDescriptor parameter) => (Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type) == typeof(bool);

    /// <summary>
    /// The variables with the prefix <c>SLIPWAY_</c> (any case): the normalised rest of the name → the variable's real name;
    /// of two that normalise alike the first in ordinal order wins, deterministically.
    /// </summary>
    private static Dictionary<string, string> NormalizeEnvironment(IReadOnlyDictionary<string, string> variables)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string name in variables.Keys.Order(StringComparer.Ordinal))
        {
            if (name.Length > EnvironmentPrefix.Length && name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            {
                result.TryAdd(NameConvention.Normalize(name[EnvironmentPrefix.Length..]), name);
            }
        }

        return result;
    }
}
