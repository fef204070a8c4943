using Slipway.Targets.Cli;
using Slipway.Targets.Output;
using Slipway.Targets.Parameters;

namespace Slipway.Targets.Execution;

/// <summary>
/// Checks the arguments in one pass (targets, options, parameter files), binds the parameters and masks the secrets;
/// every problem is reported together.
/// </summary>
internal sealed class InputBinder
{
    private readonly BuildBase _build;
    private readonly BuildModel _model;
    private readonly IReadOnlyDictionary<string, string> _environmentVariables;
    private readonly SecretMasker _masker;

    public InputBinder(BuildBase build, BuildModel model, IReadOnlyDictionary<string, string> environmentVariables, SecretMasker masker)
    {
        _build = build;
        _model = model;
        _environmentVariables = environmentVariables;
        _masker = masker;
    }

    public RunInputs Bind(ParsedArguments parsed, IReadOnlyList<string> defaultTargets)
    {
        var problems = new List<string>();
        TargetSelection targets = TargetSelection.Resolve(parsed, _model.Targets, defaultTargets, problems);
        problems.AddRange(UnknownNames.InOptions(parsed, _model.Parameters));
        IEnumerable<string> profiles = parsed.Values(BuiltInOptions.Profile).SelectMany(static v => v.Split(',', StringSplitOptions.RemoveEmptyEntries));
        List<ParameterFile> files = ParameterFiles.Load(_build.RootDirectory / ".nuke", profiles, problems);
        problems.AddRange(UnknownNames.InFiles(files, _model.Parameters));
        HashSet<string> bound = [];
        if (problems.Count == 0)
        {
            var commandLine = parsed.Options.ToDictionary(static o => o.Key, static o => (o.Value.Token, (IReadOnlyList<string>)o.Value.Values), StringComparer.Ordinal);
            var sources = new ParameterSources(commandLine, _environmentVariables, files);
            ParameterBinding binding = ParameterBinder.Bind(_build, _model.Parameters, sources, new ParameterValueConverter(_build.RootDirectory, _model.Types));
            problems.AddRange(binding.Problems);
            bound = binding.Bound;
            foreach (string secret in binding.Secrets)
            {
                _masker.Add(secret);
            }
        }

        InputProblems.ThrowIfAny(problems);
        return new RunInputs(targets, bound);
    }
}
