using k8s;
using k8s.Models;
using Slipway.Verification;

namespace Slipway.Cluster;

// Verify scoped to an environment: one HelmRelease (or Argo CD Application) and the workloads it installed, found by
// helm-controller's labels (or Argo CD's tracking label).
public sealed partial class KubernetesCluster
{
    public async Task<HelmReleaseStatus?> GetHelmReleaseForRolloutAsync(string @namespace, string name, CancellationToken cancellationToken)
        => await GetCustomObjectAsync(CustomResource.HelmRelease, @namespace, name, cancellationToken).ConfigureAwait(false) is { } release
            ? RolloutCustomObjects.HelmRelease(release)
            : null;

    public async Task<ApplicationStatus?> GetApplicationForRolloutAsync(string @namespace, string name, CancellationToken cancellationToken)
        => await GetCustomObjectAsync(CustomResource.Application, @namespace, name, cancellationToken).ConfigureAwait(false) is { } application
            ? RolloutCustomObjects.Application(application)
            : null;

    public async Task<IReadOnlyList<ReleaseWorkload>> ListReleaseWorkloadsAsync(ExpectedRelease release, CancellationToken cancellationToken)
    {
        string @namespace = release.WorkloadNamespace;
        string selector = release.WorkloadSelector;
        V1DeploymentList deployments = await ReadAsync(
            $"list deployments of {release.Kind} {release.Namespace}/{release.Name}",
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
