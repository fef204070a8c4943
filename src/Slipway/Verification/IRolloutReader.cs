namespace Slipway.Verification;

/// <summary>
/// Reads what Verify looks at, one list call per kind and namespace; the cluster adapter reads only these fields and skips
/// the rest of each object unread, which makes a large list many times cheaper. Reads are safe to retry.
/// </summary>
public interface IRolloutReader
{
    Task<IReadOnlyList<NodeStatus>> ListNodesForRolloutAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<DeploymentStatus>> ListDeploymentsForRolloutAsync(string @namespace, CancellationToken cancellationToken);

    Task<IReadOnlyList<PodStatus>> ListPodsForRolloutAsync(string @namespace, CancellationToken cancellationToken);

    /// <summary>Flux HelmReleases; none when Flux is not installed.</summary>
    Task<IReadOnlyList<HelmReleaseStatus>> ListHelmReleasesForRolloutAsync(string @namespace, CancellationToken cancellationToken);

    /// <summary>One HelmRelease, or null when it does not exist (or Flux is not installed).</summary>
    Task<HelmReleaseStatus?> GetHelmReleaseForRolloutAsync(string @namespace, string name, CancellationToken cancellationToken);

    /// <summary>
    /// The Deployments the release installed (in <see cref="ExpectedRelease.WorkloadNamespace"/>, matching
    /// <see cref="ExpectedRelease.WorkloadSelector"/>), with their pods.
    /// </summary>
    Task<IReadOnlyList<ReleaseWorkload>> ListReleaseWorkloadsAsync(ExpectedRelease release, CancellationToken cancellationToken);

    /// <summary>One Argo CD Application, or null when it does not exist (or Argo CD is not installed).</summary>
    Task<ApplicationStatus?> GetApplicationForRolloutAsync(string @namespace, string name, CancellationToken cancellationToken);

    /// <summary>Argo CD Applications; none when Argo CD is not installed.</summary>
    Task<IReadOnlyList<ApplicationStatus>> ListApplicationsForRolloutAsync(string @namespace, CancellationToken cancellationToken);
}
