namespace Slipway.LocalCluster;

/// <summary>
/// A loop that runs inside the local cluster while it serves (a Flux- or Argo-like controller, the kubelet simulation).
/// The host starts every registered controller in the background and cancels the token when it stops.
/// </summary>
public interface IClusterController
{
    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled; an exception stops only this controller.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
