namespace Slipway.Releases;

/// <summary>The releases of one environment, newest first, with the queries rollback and Status need.</summary>
public sealed class ReleaseHistory
{
    public ReleaseHistory(string environment, IReadOnlyList<ReleaseRecord> releases)
    {
        Environment = environment;
        Releases = releases.OrderByDescending(r => r.Number).ThenByDescending(r => r.Time).ToArray();
    }

    public string Environment { get; }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<ReleaseRecord> Releases { get; }

    public ReleaseRecord? Latest => Releases.Count > 0 ? Releases[0] : null;

    public ReleaseRecord? LatestVerified => Releases.FirstOrDefault(r => r.Verified);

    /// <summary>The id the next release gets: <c>&lt;env&gt;-&lt;max n + 1&gt;</c>.</summary>
    public string NextId => $"{Environment}-{(Releases.Count == 0 ? 1 : Releases.Max(r => r.Number) + 1)}";

    /// <summary>What Status prints below the running versions: the last release, and the last verified one when it differs.</summary>
    public IReadOnlyList<string> FormatLatest()
    {
        ReleaseRecord? last = Latest;
        var lines = new List<string>
        {
            last is null
                ? "Last release: none recorded"
                : $"Last release: {last.Id} ({(last.Verified ? "verified" : "not verified")}) at {last.Time.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC by {last.Who}, GitOps commit {last.GitOpsCommit[..Math.Min(12, last.GitOpsCommit.Length)]}",
        };
        if (LatestVerified is { } verified && verified != last)
        {
            lines.Add($"Last verified release: {verified.Id} at {verified.Time.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC");
        }

        return lines;
    }

    public ReleaseRecord? Find(string id) => Releases.FirstOrDefault(r => r.Id == id);

    /// <summary>The release with this id, or an input error listing the newest ids.</summary>
    public ReleaseRecord Get(string id)
        => Find(id) ?? throw SlipwayException.Input(
            $"There is no release '{id}' in {Slipway.GitOps.GitOpsPaths.ReleaseLog(Environment)}"
            + (Releases.Count == 0 ? " (no release recorded yet)." : $"; the newest are: {string.Join(", ", Releases.Take(5).Select(r => r.Id))}."));
}
