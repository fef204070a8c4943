using System.Globalization;
using System.Text;

namespace Slipway.Infrastructure;

/// <summary>Formats a classified plan as a console table and as Markdown (for <c>infra-plan.md</c> and the step summary).</summary>
public static class PlanReport
{
    public static string FormatTable(PlanMetadata plan)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Plan for '{plan.Environment}' (workspace {plan.Workspace}, {plan.Stack}): {Headline(plan)}");
        if (!plan.RefreshOnly)
        {
            text.AppendLine("  action    count");
            foreach ((string name, int count) in Rows(plan.Counts))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {name,-8} {count,6}");
            }
        }

        foreach (ResourceChange change in plan.Destructive)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  ! {Verb(change.Action)} {change.Address}{Because(change)}");
        }

        foreach (ResourceChange drift in plan.Drift)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  ~ drift: {drift.Address} ({Verb(drift.Action)} outside {plan.Tool})");
        }

        return text.ToString().TrimEnd();
    }

    public static string FormatMarkdown(PlanMetadata plan)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### Infrastructure plan: {plan.Environment}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"**{Headline(plan)}** · workspace `{plan.Workspace}` · stack `{plan.Stack}` · commit `{Short(plan.Commit)}` · {plan.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z");
        text.AppendLine();
        if (!plan.RefreshOnly)
        {
            text.AppendLine("| action | count |");
            text.AppendLine("|---|---:|");
            foreach ((string name, int count) in Rows(plan.Counts))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {count} |");
            }

            text.AppendLine();
        }

        if (plan.Destructive.Count > 0)
        {
            text.AppendLine("**Destructive changes** (ApplyInfra needs `--allow-destroy`):");
            text.AppendLine();
            foreach (ResourceChange change in plan.Destructive)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {Verb(change.Action)} `{change.Address}`{Because(change)}");
            }

            text.AppendLine();
        }

        if (plan.Drift.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"**Drift** (changed outside {plan.Tool}):");
            text.AppendLine();
            foreach (ResourceChange drift in plan.Drift)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- `{drift.Address}`: {Verb(drift.Action)}");
            }

            text.AppendLine();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Plan file SHA-256: `{plan.PlanSha256}`");
        return text.ToString();
    }

    private static string Headline(PlanMetadata plan)
    {
        if (plan.RefreshOnly)
        {
            return plan.Drift.Count == 0 ? "no drift" : $"{plan.Drift.Count} resource(s) drifted";
        }

        return plan.Risk switch
        {
            RiskLevel.None => plan.HasChanges ? "risk none (outputs only)" : "no changes, risk none",
            RiskLevel.Low => "risk low (creates/updates only)",
            _ => $"risk HIGH ({plan.Counts.Replace} replace, {plan.Counts.Delete} delete)",
        };
    }

    private static IEnumerable<(string Name, int Count)> Rows(PlanCounts counts)
    {
        yield return ("create", counts.Create);
        yield return ("update", counts.Update);
        yield return ("replace", counts.Replace);
        yield return ("delete", counts.Delete);
        yield return ("read", counts.Read);
        yield return ("no-op", counts.NoOp);
        if (counts.Forget > 0)
        {
            yield return ("forget", counts.Forget);
        }
    }

    private static string Verb(PlanAction action) => action switch
    {
        PlanAction.Replace => "replace",
        PlanAction.Delete => "delete",
        PlanAction.Create => "create",
        PlanAction.Update => "update",
        PlanAction.Read => "read",
        PlanAction.Forget => "forget",
        _ => "no-op",
    };

    private static string Because(ResourceChange change) => change.Reason is null ? string.Empty : $" ({change.Reason})";

    private static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;
}
