using Slipway.Targets.Execution;
using Slipway.Targets.Parameters;

namespace Slipway.Targets;

/// <summary>
/// A read-only view of a build class's targets for generators (CI pipelines): what <c>./build.sh X</c> would run,
/// and which parameters those targets require, by the environment variable that sets each one (<c>SLIPWAY_ENV</c>).
/// </summary>
public sealed class TargetGraph
{
    private readonly BuildModel _model;

    private TargetGraph(BuildModel model) => _model = model;

    /// <summary>The targets in declaration order.</summary>
    public IReadOnlyList<string> Names => [.. _model.Targets.Select(static t => t.Name)];

    public static TargetGraph Of(BuildBase build) => new(BuildModel.Discover(build));

    public bool Contains(string target) => _model.ByName.ContainsKey(target);

    /// <summary>The targets <c>./build.sh <paramref name="targets"/></c> schedules, in the order they run (static conditions not evaluated).</summary>
    public IReadOnlyList<string> Plan(params string[] targets)
        => [.. ExecutionPlanner.Plan(new PlanRequest(_model.Targets.Select(TargetFactory.ToPlanNode).ToList(), targets)).Select(static p => p.Name)];

    /// <summary>
    /// The environment variables of the parameters the plan of <paramref name="targets"/> requires (<c>.Requires(() =&gt; _env)</c>),
    /// without those a requested target sets itself (<c>.Sets(() =&gt; _env, "staging")</c>), in plan order.
    /// </summary>
    public IReadOnlyList<string> RequiredVariables(params string[] targets)
    {
        IReadOnlyList<string> plan = Plan(targets);
        var implied = new HashSet<string>(
            targets.SelectMany(t => _model.ByName[t].Definition.ImpliedValues).Select(v => _model.FindParameter(v.Parameter)?.EnvironmentVariableName).OfType<string>(),
            StringComparer.Ordinal);
        var result = new List<string>();
        foreach (string name in plan)
        {
            foreach (ParameterDescriptor parameter in _model.ByName[name].RequiredParameters.Select(_model.FindParameter).OfType<ParameterDescriptor>())
            {
                string variable = parameter.EnvironmentVariableName;
                if (!implied.Contains(variable) && !result.Contains(variable, StringComparer.Ordinal))
                {
                    result.Add(variable);
                }
            }
        }

        return result;
    }

    /// <summary>The environment variable of the parameter declared by the member <paramref name="memberName"/> (e.g. <c>_gitopsToken</c> → <c>SLIPWAY_GITOPS_TOKEN</c>).</summary>
    public string VariableOf(string memberName)
        => _model.Parameters.FirstOrDefault(p => p.MemberName == memberName || p.Member.Name == memberName)?.EnvironmentVariableName
            ?? throw new ArgumentException($"No parameter '{memberName}' in {string.Join(", ", _model.Parameters.Select(static p => p.MemberName))}.", nameof(memberName));

    /// <summary>True when the parameter set by <paramref name="variable"/> is a secret (<c>[Secret]</c>).</summary>
    public bool IsSecret(string variable) => _model.Parameters.Any(p => p.IsSecret && p.EnvironmentVariableName == variable);
}
