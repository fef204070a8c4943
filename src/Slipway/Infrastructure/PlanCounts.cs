using System.Text.Json.Serialization;

namespace Slipway.Infrastructure;

/// <summary>How many resources a plan creates, updates, replaces, deletes, reads, forgets or leaves alone.</summary>
public sealed record PlanCounts(int Create, int Update, int Replace, int Delete, int Read, int NoOp, int Forget)
{
    public static readonly PlanCounts Empty = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>Resources whose state changes (everything except no-op and read).</summary>
    [JsonIgnore]
    public int Changes => Create + Update + Replace + Delete + Forget;

    [JsonIgnore]
    public int Destructive => Replace + Delete;
}
