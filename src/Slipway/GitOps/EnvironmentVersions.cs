using System.Globalization;

namespace Slipway.GitOps;

/// <summary>What an environment runs according to the head of the GitOps branch: the "what runs now" of Status.</summary>
public sealed record EnvironmentVersions(
    string Environment,
    string CommitSha,
    IReadOnlyList<RunningApp> Apps,
    IReadOnlyList<RunningChart> Charts)
{
    /// <summary>One table: kind, name, version, replicas (Status adds the last release below it).</summary>
    public IReadOnlyList<string> FormatTable()
    {
        var rows = new List<string[]> { new[] { "KIND", "NAME", "VERSION", "REPLICAS" } };
        rows.AddRange(Apps.Select(a => new[] { "app", a.Name, a.ImageReference, a.Replicas?.ToString(CultureInfo.InvariantCulture) ?? "?" }));
        rows.AddRange(Charts.Select(c => new[] { "chart", c.Name, $"{c.Chart ?? "?"} {c.Version ?? "?"}", string.Empty }));
        int[] widths = Enumerable.Range(0, 4).Select(i => rows.Max(r => r[i].Length)).ToArray();
        var lines = new List<string> { $"Environment {Environment} at GitOps commit {CommitSha[..Math.Min(12, CommitSha.Length)]}" };
        lines.AddRange(rows.Select(r => string.Join("  ", r.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd()));
        if (Apps.Count == 0 && Charts.Count == 0)
        {
            lines.Add("(nothing deployed yet: run SyncApps or DeployPlatform)");
        }

        return lines;
    }
}
