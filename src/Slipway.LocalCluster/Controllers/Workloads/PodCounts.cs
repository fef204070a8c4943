namespace Slipway.LocalCluster.Controllers.Workloads;

/// <summary>A Deployment's pods: all of them, those of the current template, and the Ready ones (Ready counts as available).</summary>
internal sealed record PodCounts(int Total, int Updated, int Ready);
