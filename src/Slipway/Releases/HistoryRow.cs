namespace Slipway.Releases;

/// <summary>
/// One line of History: a recorded release, or a tag change found in the GitOps history from before the release log
/// (<see cref="Id"/> null, <see cref="Status"/> "unrecorded").
/// </summary>
public sealed record HistoryRow
{
    public string? Id { get; init; }

    public required DateTimeOffset Time { get; init; }

    public required string Who { get; init; }

    /// <summary>deploy, rollback, resume, or git (a tag change before the release log).</summary>
    public required string Kind { get; init; }

    /// <summary>verified, failed, or unrecorded.</summary>
    public required string Status { get; init; }

    /// <summary>App → tag.</summary>
    public required IReadOnlyDictionary<string, string> Apps { get; init; }

    /// <summary>Platform release → chart version.</summary>
    public required IReadOnlyDictionary<string, string> Charts { get; init; }

    public required string GitOpsCommit { get; init; }

    public string? Reason { get; init; }

    public string? Restores { get; init; }
}
