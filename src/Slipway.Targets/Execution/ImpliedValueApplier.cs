using Slipway.Targets.Parameters;

namespace Slipway.Targets.Execution;

/// <summary>
/// Sets the parameter values the requested targets imply (<c>DeployStaging</c> sets <c>--env staging</c>), after binding
/// and before requirements are checked. Two requested targets implying different values, or a value given for the
/// parameter that differs, is bad input.
/// </summary>
internal static class ImpliedValueApplier
{
    public static void Apply(BuildModel model, RunInputs inputs, object build)
    {
        var byParameter = new Dictionary<ParameterDescriptor, List<(string Target, object? Value)>>();
        foreach (string name in inputs.Targets.Requested)
        {
            foreach (ImpliedValue implied in model.ByName[name].Definition.ImpliedValues)
            {
                ParameterDescriptor parameter = model.FindParameter(implied.Parameter)
                    ?? throw new BuildException($"{name} sets {TargetExecutor.Describe(implied.Parameter.Body)}, which is not a [Parameter] of the build.", ExitCodes.BadInput);
                if (!byParameter.TryGetValue(parameter, out List<(string, object?)>? setters))
                {
                    byParameter[parameter] = setters = [];
                }

                setters.Add((name, implied.Value));
            }
        }

        foreach ((ParameterDescriptor parameter, List<(string Target, object? Value)> setters) in byParameter)
        {
            string option = $"--{parameter.Name}";
            if (setters.Select(static s => s.Value).Distinct().Count() > 1)
            {
                string values = string.Join(", ", setters.Select(s => model.Types.Format(s.Value)).Distinct(StringComparer.Ordinal));
                throw new BuildException($"Run one of {string.Join(", ", setters.Select(static s => s.Target))} at a time: each sets {option} to its own value ({values}).", ExitCodes.BadInput);
            }

            (string target, object? value) = setters[0];
            object? given = parameter.GetValue(build);
            if (inputs.BoundParameters.Contains(parameter.Name) && !Equals(given, value))
            {
                string shown = model.Types.Format(given);
                throw new BuildException($"{target} sets {option} {model.Types.Format(value)}, but {option} says {shown}. Drop {option}, or run the steps with {option} {shown}.", ExitCodes.BadInput);
            }

            parameter.SetValue(build, value);
        }
    }
}
