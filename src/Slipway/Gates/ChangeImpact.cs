using System.Text;

namespace Slipway.Gates;

/// <summary>What a deploy of an environment would change since what it runs, and how risky that is (the highest risk of its items).</summary>
public sealed record ChangeImpact(string Environment, string Baseline, IReadOnlyList<ImpactItem> Items)
{
    public ChangeRisk Risk => Items.Count == 0 ? ChangeRisk.None : Items.Max(static i => i.Risk);

    public IReadOnlyList<string> Describe()
    {
        var lines = new List<string> { $"Impact on {Environment}: {Risk.ToString().ToLowerInvariant()} risk ({Baseline})" };
        lines.AddRange(Items.Count == 0 ? ["  nothing changes"] : Items.OrderByDescending(static i => i.Risk).Select(static i => $"  {i}"));
        return lines;
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("### Impact on ").Append(Environment).Append(": ").Append(Risk.ToString().ToLowerInvariant()).Append(" risk\n\n");
        text.Append(Baseline).Append("\n\n");
        if (Items.Count == 0)
        {
            return text.Append("Nothing changes.\n").ToString();
        }

        text.Append("| Risk | Component | Why |\n|------|-----------|-----|\n");
        foreach (ImpactItem item in Items.OrderByDescending(static i => i.Risk))
        {
            text.Append("| ").Append(item.Risk.ToString().ToLowerInvariant()).Append(" | `").Append(item.Component).Append("` | ").Append(item.Reason.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
        }

        return text.ToString();
    }
}
