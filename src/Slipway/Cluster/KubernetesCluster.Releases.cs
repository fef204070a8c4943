using k8s;
using k8s.Models;
using Slipway.Verification;

namespace Slipway.Cluster;

// Verify scoped to an environment: one HelmRelease and the workloads it installed, found by helm-controller's labels.
public sealed partial class KubernetesCluster
{
    public async Task<HelmReleaseStatus?> GetHelmReleaseForRolloutAsync(string @namespace, string name, CancellationToken cancellationToken)
        => await GetCustomObjectAsync(CustomResource.HelmRelease, @namespace, name, cancellationToken).ConfigureAwait(false) is { } release
            ? RolloutCustomObjects.HelmRelease(release)
            : null;

    public async Task<IReadOnlyList<ReleaseWorkload>> ListReleaseWorkloadsAsync(string @namespace, string release, CancellationToken cancellationToken)
    {
        string selector = $"helm.toolkit.fluxcd.io/name={release},helm.toolkit.fluxcd.io/namespace={@namespace}";
        V1DeploymentList deployments = await ReadAsync(
            $"list deployments of HelmRelease {@namespace}/{release}",
            ct => _client.AppsV1.ListNamespacedDeploymentAsync(@namespace, labelSelector: selector, cancellationToken: ct),
            cancellationToken).ConfigureAwait(false);
        var workloads = new List<ReleaseWorkload>(deployments.Items.Count);
        foreach (V1Deployment deployment in deployments.Items)
        {
            IDictionary<string, string>? match = deployment.Spec?.Selector?.MatchLabels;
            IReadOnlyList<WorkloadPod> pods = match is { Count: > 0 }
                ? [.. (await ReadAsync(
                        $"list pods of Deployment {@namespace}/{deployment.Name()}",
                        ct => _client.CoreV1.ListNamespacedPodAsync(@namespace, labelSelector: string.Join(',', match.Select(static l => $"{l.Key}={l.Value}")), cancellationToken: ct),
                        cancellationToken).ConfigureAwait(false)).Items.Select(ReleaseWorkloads.Pod)]
                : [];
            workloads.Add(ReleaseWorkloads.Workload(deployment, pods));
        }

        return workloads;
    }
}
