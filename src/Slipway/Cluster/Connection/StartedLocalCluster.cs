namespace Slipway.Cluster.Connection;

/// <summary>A local cluster that serves: its API address, its kubeconfig, and what stops (or leaves) it when the run ends.</summary>
public sealed record StartedLocalCluster(Uri BaseAddress, string KubeconfigPath, IAsyncDisposable Owner);
