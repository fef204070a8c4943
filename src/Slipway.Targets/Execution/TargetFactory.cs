using System.Reflection;

namespace Slipway.Targets.Execution;

/// <summary>Finds the <see cref="Target"/> properties of a build class and resolves their definitions and edges to names.</summary>
internal static class TargetFactory
{
    private const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    public static IReadOnlyList<ExecutableTarget> Create(BuildBase build)
    {
        PropertyInfo[] properties = build.GetType()
            .GetProperties(Members)
            .Where(static p => p.PropertyType == typeof(Target) && p.GetMethod is not null)
            .OrderBy(static p => p.MetadataToken)
            .ToArray();

        var names = new Dictionary<Target, string>();
        var definitions = new List<(string Name, TargetDefinition Definition)>(properties.Length);
        foreach (PropertyInfo property in properties)
        {
            var target = (Target)property.GetValue(build)!;
            names[target] = property.Name;
            var definition = new TargetDefinition();
            target(definition);
            definitions.Add((property.Name, definition));
        }

        var result = new List<ExecutableTarget>(definitions.Count);
        for (int i = 0; i < definitions.Count; i++)
        {
            (string name, TargetDefinition definition) = definitions[i];
            var executable = new ExecutableTarget(name, i, definition);
            executable.DependsOn.AddRange(Resolve(definition.DependsOnTargets, names, name));
            executable.After.AddRange(Resolve(definition.AfterTargets, names, name));
            executable.Before.AddRange(Resolve(definition.BeforeTargets, names, name));
            executable.Triggers.AddRange(Resolve(definition.TriggersTargets, names, name));
            executable.TriggeredBy.AddRange(Resolve(definition.TriggeredByTargets, names, name));
            result.Add(executable);
        }

        return result;
    }

    public static PlanNode ToPlanNode(ExecutableTarget target)
        => new(target.Name, target.Index)
        {
            DependsOn = target.DependsOn,
            After = target.After,
            Before = target.Before,
            Triggers = target.Triggers,
            TriggeredBy = target.TriggeredBy,
        };

    private static IEnumerable<string> Resolve(List<Target> targets, Dictionary<Target, string> names, string owner)
    {
        foreach (Target target in targets)
        {
            yield return names.TryGetValue(target, out string? name)
                ? name
                : throw new BuildException($"Target '{owner}' refers to a target that is not a property of the build class.", ExitCodes.BadInput);
        }
    }
}
