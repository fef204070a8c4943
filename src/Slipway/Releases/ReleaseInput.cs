namespace Slipway.Releases;

/// <summary>What a run records after Verify: everything of a <see cref="ReleaseRecord"/> but its id and time.</summary>
public sealed record ReleaseInput
{
    /// <summary>Who deployed it (CI actor or local user).</summary>
    public required string Who { get; init; }

    /// <summary>The configuration repository's commit that was deployed.</summary>
    public required string SourceCommit { get; init; }

    /// <summary>The GitOps commit the cluster ran when verified.</summary>
    public required string GitOpsCommit { get; init; }

    /// <summary>The CI run or local run id.</summary>
    public required string RunId { get; init; }

    /// <summary>True when Verify passed for it.</summary>
    public required bool Verified { get; init; }

    /// <summary>App name → <c>image:tag</c>.</summary>
    public required IReadOnlyDictionary<string, string> Apps { get; init; }

    /// <summary>Platform release name → chart version.</summary>
    public required IReadOnlyDictionary<string, string> Charts { get; init; }

    /// <summary>What made it.</summary>
    public ReleaseKind Kind { get; init; } = ReleaseKind.Deploy;

    /// <summary>Why (<c>--reason</c>); null for none.</summary>
    public string? Reason { get; init; }

    /// <summary>For a rollback: the release whose versions it set back.</summary>
    public string? Restores { get; init; }

    /// <summary>The gate overrides the run used and their reason; null for none.</summary>
    public string? Override { get; init; }

    /// <summary>A fingerprint of the infrastructure outputs; null when unknown.</summary>
    public string? Infra { get; init; }

    /// <summary>The record of this release under <paramref name="id"/>, recorded at <paramref name="time"/>.</summary>
    public ReleaseRecord ToRecord(string id, DateTimeOffset time) => new()
    {
        Id = id,
        Time = time,
        Who = Who,
        SourceCommit = SourceCommit,
        GitOpsCommit = GitOpsCommit,
        RunId = RunId,
        Verified = Verified,
        Apps = Apps,
        Charts = Charts,
        Kind = Kind,
        Reason = Reason,
        Restores = Restores,
        Override = Override,
        Infra = Infra,
    };
}
