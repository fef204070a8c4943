namespace Slipway.Releases;

/// <summary>One release of an environment, as recorded in <c>releases/&lt;env&gt;.yaml</c> of the GitOps repository.</summary>
public sealed record ReleaseRecord
{
    /// <summary><c>&lt;env&gt;-&lt;n&gt;</c>, n increasing by one per release.</summary>
    public required string Id { get; init; }

    /// <summary>When it was recorded (UTC, from the injected <see cref="TimeProvider"/>).</summary>
    public required DateTimeOffset Time { get; init; }

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

    /// <summary>What made it (written as <c>kind</c> when not a deploy).</summary>
    public ReleaseKind Kind { get; init; } = ReleaseKind.Deploy;

    /// <summary>Why (<c>--reason</c> of Rollback or Resume); null for none.</summary>
    public string? Reason { get; init; }

    /// <summary>For a rollback: the release whose versions it set back; null otherwise.</summary>
    public string? Restores { get; init; }

    /// <summary>The gate overrides its run used (<c>break-glass</c>, <c>outside-window</c>) and their reason; null for none.</summary>
    public string? Override { get; init; }

    /// <summary>A fingerprint of the infrastructure outputs it ran on (<c>infra-outputs.json</c>); null when unknown.</summary>
    public string? Infra { get; init; }

    /// <summary>The tag of <paramref name="app"/> (the part after the image's last ':'), or null when it is not in this release.</summary>
    public string? TagOf(string app) => Apps.TryGetValue(app, out string? image) ? ImageReferences.Tag(image) : null;

    /// <summary>The n of <c>&lt;env&gt;-&lt;n&gt;</c>, or 0 when the id has another shape.</summary>
    public int Number => int.TryParse(Id.AsSpan(Id.LastIndexOf('-') + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : 0;
}
