namespace Slipway.Rollback;

/// <summary>What Rollback was asked: a tag (for one app or every app that had it), a whole release, or neither (the previous verified release).</summary>
public sealed record RollbackRequest
{
    public string? Tag { get; init; }

    public string? App { get; init; }

    /// <summary>A release id of <c>releases/&lt;env&gt;.yaml</c>: every app tag and chart version of it.</summary>
    public string? Release { get; init; }

    /// <summary>Allow a tag never deployed to the environment (Verify then finds out whether the image exists).</summary>
    public bool AllowNewTag { get; init; }

    /// <summary>Why (<c>--reason</c>): the commit body, the hold and the release record say it.</summary>
    public string? Reason { get; init; }
}
