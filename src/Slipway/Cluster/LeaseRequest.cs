namespace Slipway.Cluster;

/// <summary>What <see cref="DeployLease.AcquireAsync"/> needs: whose deploy, who asks, for how long.</summary>
/// <param name="Environment">The environment: the lease is <c>slipway-deploy-&lt;env&gt;</c>.</param>
/// <param name="Holder">Who holds it (user, host, process, CI run), named in a refusal.</param>
/// <param name="Duration">How long it lasts without renewal; renewed every third of it.</param>
/// <param name="KubectlArguments">How to reach the cluster with kubectl (<c>--kubeconfig … --context …</c>), for the hint in a refusal.</param>
public sealed record LeaseRequest(string Environment, string Holder, TimeSpan Duration, string KubectlArguments)
{
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public ILog Log { get; init; } = NullLog.Instance;
}
