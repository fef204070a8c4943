using System.Text.Json.Serialization;

namespace Slipway.Infrastructure;

/// <summary>How many resources a plan creates, updates, replaces, deletes, reads, forgets or leaves alone.</summary>
public sealed record PlanCounts
{
    public static readonly PlanCounts Empty = new();

    public int Create { get; init; }

    public int Update { get; init; }

    public int Replace { get; init; }

    public int Delete { get; init; }

    public int Read { get; init; }

    public int NoOp { get; init; }

    public int Forget { get; init; }

    /// <summary>Resources whose state changes (everything except no-op and read).</summary>
    [JsonIgnore]
    public int Changes => Create + Update + Replace + Delete + Forget;

    [JsonIgnore]
    public int Destructive => Replace + Delete;
}
