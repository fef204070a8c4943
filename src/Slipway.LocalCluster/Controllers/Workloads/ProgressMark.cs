namespace Slipway.LocalCluster.Controllers.Workloads;

/// <summary>The last time a Deployment's rollout moved (new template, new generation, or different pod counts).</summary>
internal sealed record ProgressMark(string Hash, long Generation, PodCounts Counts, DateTimeOffset At)
{
    public bool SameProgress(ProgressMark other) => Hash == other.Hash && Generation == other.Generation && Counts == other.Counts;
}
