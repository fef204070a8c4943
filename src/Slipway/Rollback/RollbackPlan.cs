namespace Slipway.Rollback;

/// <summary>What a rollback will write in one commit: app tags (and, for a whole release, chart versions) and the holds.</summary>
public sealed record RollbackPlan
{
    public required string Environment { get; init; }

    public required IReadOnlyList<AppRollback> Apps { get; init; }

    public IReadOnlyList<ChartRollback> Charts { get; init; } = [];

    /// <summary>The release whose versions it returns to; null when the tag came from the GitOps history alone.</summary>
    public string? Restores { get; init; }

    /// <summary>Where the target versions were found, for the user (<c>release staging-4</c>, <c>GitOps commit 1a2b3c</c>).</summary>
    public required string Source { get; init; }

    /// <summary>Set when the target release ran on other infrastructure outputs than the last ApplyInfra produced.</summary>
    public string? InfraWarning { get; init; }

    public string? Reason { get; init; }

    public bool IsEmpty => Apps.Count == 0 && Charts.Count == 0;

    /// <summary><c>rollback(production): web production-40673 -> production-40672</c>.</summary>
    public string Subject => $"rollback({Environment}): {string.Join(", ", Apps.Select(a => a.ToString()).Concat(Charts.Select(c => c.ToString())))}";

    /// <summary>The commit body: the reason, where the versions come from, the infrastructure note.</summary>
    public string Body
    {
        get
        {
            var lines = new List<string>();
            if (!string.IsNullOrWhiteSpace(Reason))
            {
                lines.Add(Reason.Trim());
                lines.Add(string.Empty);
            }

            lines.Add($"Back to the versions of {Source}.");
            lines.Add($"Held: {string.Join(", ", Apps.Select(a => $"{a.App} at {a.ToTag}"))} (holds/{Environment}.yaml) until Resume.");
            if (InfraWarning is not null)
            {
                lines.Add(InfraWarning);
            }

            return string.Join("\n", lines);
        }
    }

    /// <summary>What the user sees before confirming: one line per change, then where from and what is held.</summary>
    public IReadOnlyList<string> Describe()
    {
        var lines = new List<string> { $"Rollback of {Environment} to the versions of {Source}:" };
        lines.AddRange(Apps.Select(a => $"  app   {a.App}: {a.FromImage}:{a.FromTag} -> {a.ToImage}:{a.ToTag}"));
        lines.AddRange(Charts.Select(c => $"  chart {c.Name}: {c.From} -> {c.To}"));
        if (Apps.Count > 0)
        {
            lines.Add($"  hold  {string.Join(", ", Apps.Select(a => $"{a.App} at {a.ToTag}"))} in holds/{Environment}.yaml (deploys refuse to move it until Resume)");
        }

        return lines;
    }
}
