using System.Linq.Expressions;
using Slipway.Targets.Parameters;

namespace Slipway.Targets.Execution;

/// <summary>Checks, before the first target runs, that every target to run has the parameters and conditions it requires.</summary>
internal static class RequirementChecker
{
    public static List<string> Check(IEnumerable<ExecutableTarget> toRun, BuildModel model)
    {
        var problems = new List<string>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (ExecutableTarget target in toRun)
        {
            foreach (LambdaExpression requirement in target.Definition.RequiredParameters)
            {
                object? value = requirement.Compile(preferInterpretation: true).DynamicInvoke();
                if (!IsMissing(value))
                {
                    continue;
                }

                string member = requirement.Body is MemberExpression m ? m.Member.Name : TargetExecutor.Describe(requirement.Body);
                ParameterDescriptor? parameter = model.FindParameter(requirement);
                if (!reported.Add(member))
                {
                    continue;
                }

                problems.Add(parameter is null
                    ? $"'{member}' is required by {target.Name} but has no value."
                    : $"Parameter '{parameter.Name}' is required by {target.Name}. Set it with --{parameter.Name} <value>, the environment variable {parameter.EnvironmentVariableName}, or \"{parameter.MemberName}\" in .nuke/parameters.json.");
            }

            if (TargetExecutor.FirstFalse(target.Definition.RequiredConditions) is { } condition)
            {
                problems.Add($"{target.Name} requires {condition}, which is false.");
            }
        }

        return problems;
    }

    private static bool IsMissing(object? value) => value switch
    {
        null => true,
        string text => string.IsNullOrWhiteSpace(text),
        Array array => array.Length == 0,
        _ => false,
    };
}
