namespace Slipway.Releases;

/// <summary>One app pinned at a tag in an environment (an entry of <c>holds/&lt;env&gt;.yaml</c>): no deploy moves it until Resume.</summary>
public sealed record Hold
{
    public required string App { get; init; }

    /// <summary>The tag the app is pinned at.</summary>
    public required string Tag { get; init; }

    public required string Reason { get; init; }

    public required string Who { get; init; }

    /// <summary>When the hold was set (UTC).</summary>
    public required DateTimeOffset Since { get; init; }

    /// <summary>The release the rollback that set it returned to; null when unknown.</summary>
    public string? Release { get; init; }

    public override string ToString()
        => $"{App} held at {Tag} since {Since.UtcDateTime:yyyy-MM-dd HH:mm} UTC by {Who}: {Reason}";
}
