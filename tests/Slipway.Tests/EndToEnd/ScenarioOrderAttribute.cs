namespace Slipway.Tests.EndToEnd;

/// <summary>Where a scenario runs in a class ordered by <see cref="ScenarioOrderer"/>: scenarios share one clone, and the ones that leave a bad state run last.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScenarioOrderAttribute : Attribute
{
    public ScenarioOrderAttribute(int order)
    {
        Order = order;
    }

    public int Order { get; }
}
