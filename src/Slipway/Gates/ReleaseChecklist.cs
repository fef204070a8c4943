using System.Text;

namespace Slipway.Gates;

/// <summary>
/// The release checklist of an environment (<c>./build.sh Checklist --env X</c>): each item checked live where Slipway can
/// (frozen, plan reviewed, branch, approvals, window, promotion and cooling, no stop in force) and left open where a person
/// must. A report: nothing in it refuses or writes.
/// </summary>
public sealed record ReleaseChecklist(string Environment, DateTimeOffset At, IReadOnlyList<ChecklistItem> Items)
{
    public int Done => Items.Count(static i => i.State == ChecklistState.Done);

    public int NotMet => Items.Count(static i => i.State == ChecklistState.NotMet);

    public int Open => Items.Count(static i => i.State == ChecklistState.Open);

    public string Summary => $"{Environment}: {Done} of {Items.Count} item(s) checked, {NotMet} not met, {Open} open for a person";

    /// <summary>The lines to print.</summary>
    public IEnumerable<string> Describe()
    {
        yield return $"Release checklist of {Environment} at {At.UtcDateTime:yyyy-MM-dd HH:mm}Z:";
        foreach (ChecklistItem item in Items)
        {
            yield return $"  {item.Mark} {item.Title}: {item.Evidence}";
        }
    }

    /// <summary>GitHub/GitLab task-list Markdown, for an issue or merge request description.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("## Release checklist: ").Append(Environment).Append('\n').Append('\n');
        text.Append("Checked by Slipway at ").Append(At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)).Append("Z (`./build.sh Checklist --env ")
            .Append(Environment).Append("`); unchecked items are not met yet or need a person.\n\n");
        foreach (ChecklistItem item in Items)
        {
            string state = item.State switch
            {
                ChecklistState.Done => string.Empty,
                ChecklistState.NotMet => " — **not met**",
                _ => " — *for a person*",
            };
            text.Append(item.State == ChecklistState.Done ? "- [x] " : "- [ ] ").Append("**").Append(item.Title).Append("**").Append(state).Append(": ")
                .Append(Escape(item.Evidence)).Append('\n');
        }

        return text.ToString();
    }

    private static string Escape(string text) => text.Replace("\n", " ", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal);
}
