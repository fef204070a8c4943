using System.Text;
using Slipway.Targets.Execution;

namespace Slipway.Targets.Reporting;

/// <summary>The table printed at the end of a run: each target, its status and duration, and the total.</summary>
internal static class SummaryPrinter
{
    public static string Render(IReadOnlyList<ExecutableTarget> executed, TimeSpan total)
    {
        int nameWidth = Math.Max(6, executed.Count == 0 ? 0 : executed.Max(static t => t.Name.Length));
        string rule = new('─', nameWidth + 34);
        var text = new StringBuilder();
        text.AppendLine(new string('═', rule.Length));
        text.Append("Target".PadRight(nameWidth)).Append("  ").Append("Status".PadRight(10)).Append("  ").AppendLine("Duration");
        text.AppendLine(rule);
        foreach (ExecutableTarget target in executed)
        {
            text.Append(target.Name.PadRight(nameWidth)).Append("  ").Append(target.Status.ToString().PadRight(10)).Append("  ");
            text.Append(target.Status is TargetStatus.Succeeded or TargetStatus.Failed or TargetStatus.Aborted ? Format(target.Duration).PadLeft(8) : "        ");
            if (target.Reason is not null && target.Status is TargetStatus.Skipped or TargetStatus.NotRun)
            {
                text.Append("  // ").Append(target.Reason);
            }

            text.AppendLine();
        }

        text.AppendLine(rule);
        text.Append("Total".PadRight(nameWidth)).Append("  ").Append(string.Empty.PadRight(10)).Append("  ").AppendLine(Format(total).PadLeft(8));
        text.AppendLine(new string('═', rule.Length));
        return text.ToString();
    }

    public static string Format(TimeSpan duration)
        => duration.TotalMinutes >= 1 ? $"{(int)duration.TotalMinutes}:{duration.Seconds:00}.{duration.Milliseconds / 100}" : $"0:{duration.Seconds:00}.{duration.Milliseconds / 100}";
}
