namespace Slipway.Cluster.Connection;

/// <summary>
/// A local cluster that serves: its API address, the kubeconfig and the context in it that reach it, and what stops (or
/// leaves) it when the run ends.
/// </summary>
public sealed record StartedLocalCluster(Uri BaseAddress, string KubeconfigPath, string Context, IAsyncDisposable Owner);
