using System.Globalization;
using System.Text;

namespace Slipway.Reporting;

/// <summary>The run summary as Markdown (the GitHub step summary): the targets with status and duration, errors, the sections, the outputs.</summary>
public static class RunSummaryMarkdown
{
    public static string Render(CiRunReport report)
    {
        var text = new StringBuilder();
        text.Append("## ").Append(Cell(report.Title)).Append(" — ").AppendLine(report.Succeeded ? "succeeded" : $"failed (exit {report.ExitCode})");
        text.AppendLine();
        text.AppendLine("| Target | Status | Duration |");
        text.AppendLine("|---|---|---:|");
        foreach (CiTargetLine target in report.Targets)
        {
            string status = target.Reason is null || !(target.Status is "Skipped" or "NotRun") ? target.Status : $"{target.Status} ({target.Reason})";
            text.Append("| ").Append(Cell(target.Name)).Append(" | ").Append(Icon(target.Status)).Append(' ').Append(Cell(status))
                .Append(" | ").Append(target.Duration is { } duration ? Format(duration) : string.Empty).AppendLine(" |");
        }

        text.Append("| **Total** | | ").Append(Format(report.Total)).AppendLine(" |");
        List<CiTargetLine> failed = report.Targets.Where(static t => t.Error is not null).ToList();
        if (failed.Count > 0)
        {
            text.AppendLine().AppendLine("### Errors").AppendLine();
            foreach (CiTargetLine target in failed)
            {
                text.Append("- **").Append(Cell(target.Name)).Append("**: ").AppendLine(Cell(target.Error!));
            }
        }

        foreach (CiReportSection section in report.Sections)
        {
            text.AppendLine();
            if (section.Heading is not null)
            {
                text.Append("### ").AppendLine(Cell(section.Heading)).AppendLine();
            }

            text.AppendLine(section.Markdown.TrimEnd());
        }

        if (report.Outputs.Count > 0)
        {
            text.AppendLine().AppendLine("### Outputs").AppendLine().AppendLine("| Output | Value |").AppendLine("|---|---|");
            foreach (CiOutput output in report.Outputs)
            {
                text.Append("| `").Append(output.Name).Append("` | ").Append(string.Join("<br>", output.Values.Select(Cell))).AppendLine(" |");
            }
        }

        return text.ToString();
    }

    /// <summary>A duration as the engine's summary shows it: <c>m:ss.f</c>.</summary>
    public static string Format(TimeSpan duration)
        => string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalMinutes}:{duration.Seconds:00}.{duration.Milliseconds / 100}");

    private static string Icon(string status) => status switch
    {
        "Succeeded" => "✅",
        "Failed" or "Aborted" => "❌",
        _ => "⏭️",
    };

    /// <summary>Text safe in a table cell: no pipe ends the cell, no newline ends the row.</summary>
    private static string Cell(string text)
        => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r\n", "<br>", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal);
}
