using System.Text;
using Slipway.Targets.Cli;
using Slipway.Targets.Execution;
using Slipway.Targets.Parameters;

namespace Slipway.Targets.Reporting;

/// <summary>The text of <c>--help</c>: targets with descriptions and direct dependencies; parameters with type, default and sources.</summary>
internal static class HelpPrinter
{
    public static string Render(BuildModel model, IReadOnlyList<string> defaultTargets, object build)
    {
        IReadOnlyList<ExecutableTarget> targets = model.Targets;
        var text = new StringBuilder();
        text.AppendLine("Usage: ./build.sh [targets] [--parameter value ...] [--plan] [--skip A,B] [--help]");
        text.AppendLine();
        text.AppendLine("Targets:");
        int width = targets.Max(static t => t.Name.Length) + 11;
        foreach (ExecutableTarget target in targets)
        {
            string name = defaultTargets.Contains(target.Name, StringComparer.Ordinal) ? $"{target.Name} (default)" : target.Name;
            string about = string.Join(" ", target.Definition.ImpliedValues.Select(i => $"(sets {Option(model, i)} {model.Types.Format(i.Value)})").Prepend(target.Description ?? string.Empty).Where(static t => t.Length > 0));
            text.Append("  ").Append(name.PadRight(width)).Append(about);
            if (target.DependsOn.Count > 0)
            {
                text.Append(about.Length == 0 ? string.Empty : "  ").Append("-> ").Append(string.Join(", ", target.DependsOn));
            }

            text.AppendLine();
        }

        text.AppendLine();
        text.AppendLine("Parameters (command line > SLIPWAY_* environment variable > .nuke/parameters.<profile>.json > .nuke/parameters.json > default;");
        text.AppendLine("environment variables without the SLIPWAY_ prefix are ignored):");
        foreach (ParameterDescriptor parameter in model.Parameters)
        {
            string type = ParameterValueConverter.DescribeType(parameter.Type, model.Types) + (parameter.HasRange ? $" {parameter.Minimum}..{parameter.Maximum}" : string.Empty);
            text.Append("  --").Append(parameter.Name).Append(" <").Append(type).AppendLine(">");
            if (parameter.Description is not null)
            {
                text.Append("      ").AppendLine(parameter.Description);
            }

            text.Append("      default: ").Append(FormatDefault(parameter, build, model.Types))
                .Append("; env: ").Append(parameter.EnvironmentVariableName)
                .Append("; json: \"").Append(parameter.MemberName).Append('"');
            if (parameter.IsSecret)
            {
                text.Append("; secret (shown as ***)");
            }

            text.AppendLine();
        }

        text.AppendLine();
        text.AppendLine("Options:");
        foreach ((string name, string description) in BuiltInOptions.All)
        {
            text.Append("  ").Append(name.PadRight(18)).AppendLine(description);
        }

        return text.ToString();
    }

    private static string Option(BuildModel model, ImpliedValue implied)
        => model.FindParameter(implied.Parameter) is { } parameter ? $"--{parameter.Name}" : TargetExecutor.Describe(implied.Parameter.Body);

    private static string FormatDefault(ParameterDescriptor parameter, object build, ParameterTypeRegistry types)
    {
        object? value = parameter.GetValue(build);
        return value is not null && parameter.IsSecret ? "***" : types.Format(value);
    }
}
