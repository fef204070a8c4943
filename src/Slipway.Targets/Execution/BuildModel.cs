using System.Linq.Expressions;
using Slipway.Targets.Parameters;

namespace Slipway.Targets.Execution;

/// <summary>What discovery finds in a build class: its targets, its parameters, and how the build parses its parameter types.</summary>
internal sealed class BuildModel
{
    private BuildModel(IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ParameterDescriptor> parameters, ParameterTypeRegistry types)
    {
        Targets = targets;
        ByName = targets.ToDictionary(static t => t.Name, StringComparer.Ordinal);
        Parameters = parameters;
        Types = types;
    }

    public IReadOnlyList<ExecutableTarget> Targets { get; }

    public IReadOnlyDictionary<string, ExecutableTarget> ByName { get; }

    public IReadOnlyList<ParameterDescriptor> Parameters { get; }

    public ParameterTypeRegistry Types { get; }

    public static BuildModel Discover(BuildBase build)
    {
        var types = new ParameterTypeRegistry();
        build.RegisterParameterTypes(types);
        return new BuildModel(TargetFactory.Create(build), ParameterFactory.Create(build.GetType()), types);
    }

    /// <summary>The parameter an expression such as <c>() =&gt; _env</c> reads, or null when it reads something else.</summary>
    public ParameterDescriptor? FindParameter(LambdaExpression expression)
        => expression.Body is MemberExpression member ? Parameters.FirstOrDefault(p => p.Member.Name == member.Member.Name) : null;
}
