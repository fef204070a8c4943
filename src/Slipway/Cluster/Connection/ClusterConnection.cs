namespace Slipway.Cluster.Connection;

/// <summary>A reachable cluster, and what to dispose when the run ends (the local cluster this run started, if any).</summary>
public sealed record ClusterConnection(ClusterTarget Target, IAsyncDisposable? Owner = null);
