using System.Text;
using Slipway.Targets.Execution;

namespace Slipway.Targets.Reporting;

/// <summary>The execution plan as text (in order, with why each target runs or is skipped) or as a Mermaid graph.</summary>
internal static class PlanPrinter
{
    /// <summary>The plan in the format <c>--format</c> names (text when none); an unknown format is bad input.</summary>
    public static string Render(string? format, IReadOnlyList<PlannedTarget> plan, IReadOnlyDictionary<string, ExecutableTarget> targets)
        => (format ?? "text").ToLowerInvariant() switch
        {
            "text" => RenderText(plan, targets),
            "mermaid" => RenderMermaid(plan, targets),
            _ => throw new BuildException($"--format {format}: unknown plan format; use text or mermaid.", ExitCodes.BadInput),
        };

    public static string RenderText(IReadOnlyList<PlannedTarget> plan, IReadOnlyDictionary<string, ExecutableTarget> targets)
    {
        var text = new StringBuilder();
        text.AppendLine("Execution plan:");
        int width = plan.Count == 0 ? 0 : plan.Max(static p => p.Name.Length);
        int step = 0;
        foreach (PlannedTarget planned in plan)
        {
            string status = planned.SkipReason is null ? $"{++step,2}." : "  -";
            text.Append(status).Append(' ').Append(planned.Name.PadRight(width)).Append("  ").Append(planned.Describe());
            if (planned.SkipReason is not null)
            {
                text.Append("; skipped: ").Append(planned.SkipReason);
            }

            if (targets.TryGetValue(planned.Name, out ExecutableTarget? target) && !target.HasActions)
            {
                text.Append(" (aggregate)");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    public static string RenderMermaid(IReadOnlyList<PlannedTarget> plan, IReadOnlyDictionary<string, ExecutableTarget> targets)
    {
        var names = new HashSet<string>(plan.Select(static p => p.Name), StringComparer.Ordinal);
        var text = new StringBuilder();
        text.AppendLine("```mermaid");
        text.AppendLine("flowchart LR");
        foreach (PlannedTarget planned in plan)
        {
            text.Append("    ").Append(planned.Name).Append("[\"").Append(planned.Name).Append("\"]");
            if (planned.SkipReason is not null)
            {
                text.Append(":::skipped");
            }

            text.AppendLine();
        }

        foreach (PlannedTarget planned in plan)
        {
            ExecutableTarget target = targets[planned.Name];
            foreach (string dependency in target.DependsOn.Where(names.Contains))
            {
                text.Append("    ").Append(dependency).Append(" --> ").AppendLine(planned.Name);
            }

            foreach (string triggered in target.Triggers.Where(names.Contains))
            {
                text.Append("    ").Append(planned.Name).Append(" -. triggers .-> ").AppendLine(triggered);
            }

            foreach (string trigger in target.TriggeredBy.Where(names.Contains))
            {
                text.Append("    ").Append(trigger).Append(" -. triggers .-> ").AppendLine(planned.Name);
            }
        }

        text.AppendLine("    classDef skipped stroke-dasharray: 5 5,color:#888");
        text.AppendLine("```");
        return text.ToString();
    }
}
