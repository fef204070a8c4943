namespace Slipway.Targets;

/// <summary>
/// Marks a field or property of the build class as a parameter. Bound from (highest first) the command line
/// (<c>--plan-file</c>), an environment variable of the same name with the prefix <c>SLIPWAY_</c> (<c>SLIPWAY_PLAN_FILE</c>;
/// without the prefix a variable is ignored), <c>.nuke/parameters.&lt;profile&gt;.json</c>, <c>.nuke/parameters.json</c>,
/// the member's default.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute : Attribute
{
    public ParameterAttribute(string? description = null)
    {
        Description = description;
    }

    public string? Description { get; }

    /// <summary>Overrides the name derived from the member (<c>PlanFile</c> → <c>plan-file</c>).</summary>
    public string? Name { get; set; }

    /// <summary>The smallest value an <c>int</c> parameter accepts; a smaller one is bad input naming the range.</summary>
    public int Minimum { get; set; } = int.MinValue;

    /// <summary>The largest value an <c>int</c> parameter accepts; a larger one is bad input naming the range.</summary>
    public int Maximum { get; set; } = int.MaxValue;
}
