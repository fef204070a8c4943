using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Slipway.Releases;

/// <summary>
/// History of an environment, newest first: the releases of <c>releases/&lt;env&gt;.yaml</c>, then the tag changes the
/// GitOps history shows from before the first recorded release.
/// </summary>
public sealed class HistoryView
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public HistoryView(string environment, IReadOnlyList<HistoryRow> rows)
    {
        Environment = environment;
        Rows = rows;
    }

    public string Environment { get; }

    public IReadOnlyList<HistoryRow> Rows { get; }

    /// <summary>Merges the release log with the tag changes older than its first release; only <paramref name="app"/> when given.</summary>
    public static HistoryView Build(ReleaseHistory releases, IReadOnlyList<AppVersion> gitVersions, string? app, int limit)
    {
        DateTimeOffset? firstRecorded = releases.Releases.Count == 0 ? null : releases.Releases.Min(r => r.Time);
        IEnumerable<HistoryRow> recorded = releases.Releases
            .Where(r => app is null || r.Apps.ContainsKey(app))
            .Select(r => new HistoryRow
            {
                Id = r.Id,
                Time = r.Time,
                Who = r.Who,
                Kind = r.Kind.ToString().ToLowerInvariant(),
                Status = r.Verified ? "verified" : "failed",
                Apps = Tags(r.Apps, app),
                Charts = app is null ? r.Charts : new Dictionary<string, string>(),
                GitOpsCommit = r.GitOpsCommit,
                Reason = r.Reason,
                Restores = r.Restores,
            });
        var recordedCommits = releases.Releases.Select(r => r.GitOpsCommit).ToHashSet(StringComparer.Ordinal);
        IEnumerable<HistoryRow> before = gitVersions
            .Where(v => (app is null || v.App == app) && (firstRecorded is null || v.Time < firstRecorded) && !recordedCommits.Contains(v.CommitSha))
            .Select(v => new HistoryRow
            {
                Time = v.Time,
                Who = v.Who,
                Kind = "git",
                Status = "unrecorded",
                Apps = new SortedDictionary<string, string>(StringComparer.Ordinal) { [v.App] = v.Tag },
                Charts = new Dictionary<string, string>(),
                GitOpsCommit = v.CommitSha,
            });
        return new HistoryView(releases.Environment, recorded.Concat(before).OrderByDescending(r => r.Time).Take(limit).ToArray());
    }

    public IReadOnlyList<string> FormatTable()
    {
        if (Rows.Count == 0)
        {
            return [$"No release of {Environment} recorded and no app manifest in its GitOps history yet: deploy it first (./build.sh SyncApps --env {Environment})."];
        }

        var rows = new List<string[]> { new[] { "RELEASE", "TIME (UTC)", "KIND", "STATUS", "APPS", "CHARTS", "GITOPS", "WHO" } };
        rows.AddRange(Rows.Select(r => new[]
        {
            r.Id ?? "-",
            r.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            r.Restores is null ? r.Kind : $"{r.Kind} to {r.Restores}",
            r.Status,
            Join(r.Apps),
            Join(r.Charts),
            r.GitOpsCommit[..Math.Min(12, r.GitOpsCommit.Length)],
            r.Who + (r.Reason is null ? string.Empty : $" ({r.Reason})"),
        }));
        int[] widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        var lines = new List<string> { $"History of {Environment}, newest first:" };
        lines.AddRange(rows.Select(r => string.Join("  ", r.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd()));
        if (Rows.Any(r => r.Id is null))
        {
            lines.Add("(rows without a release id are tag changes from the GitOps history before Slipway recorded releases)");
        }

        return lines;
    }

    public string ToJson() => JsonSerializer.Serialize(new { environment = Environment, releases = Rows }, s_json);

    private static IReadOnlyDictionary<string, string> Tags(IReadOnlyDictionary<string, string> apps, string? app)
        => new SortedDictionary<string, string>(
            apps.Where(a => app is null || a.Key == app).ToDictionary(a => a.Key, a => ImageReferences.Tag(a.Value)), StringComparer.Ordinal);

    private static string Join(IReadOnlyDictionary<string, string> values)
        => values.Count == 0 ? "-" : string.Join(", ", values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key} {v.Value}"));
}
