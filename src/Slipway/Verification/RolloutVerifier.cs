using System.Diagnostics;

namespace Slipway.Verification;

/// <summary>
/// Verify: reads the environment's nodes, HelmReleases (and Applications), Deployments and Pods — one list call per kind
/// per namespace — until everything is ready, then probes the HTTP endpoints. Fails with what is not ready and why on a
/// failure that will not clear (after <see cref="VerifyOptions.FailFastAfter"/>), or on timeout.
/// </summary>
public sealed class RolloutVerifier
{
    private readonly IRolloutReader _cluster;
    private readonly EndpointProber _prober;
    private readonly TimeProvider _time;

    public RolloutVerifier(IRolloutReader cluster, EndpointProber prober, TimeProvider time)
    {
        _cluster = cluster;
        _prober = prober;
        _time = time;
    }

    public async Task<VerificationReport> VerifyAsync(VerifyOptions options, IVerificationProgress progress, CancellationToken cancellationToken)
    {
        long started = _time.GetTimestamp();
        long? failingSince = null;
        while (true)
        {
            VerificationReport report = VerificationReport.Evaluate(await ReadSnapshotAsync(options, cancellationToken).ConfigureAwait(false));
            TimeSpan elapsed = _time.GetElapsedTime(started);
            progress.Report(report, elapsed, options.Timeout);

            if (report.IsReady)
            {
                if (options.Endpoints.Count == 0)
                {
                    return report;
                }

                TimeSpan remaining = options.Timeout - elapsed;
                IReadOnlyList<CheckResult> probes = await _prober.ProbeAsync(options.Endpoints, options.RequestTimeout, remaining > TimeSpan.FromSeconds(1) ? remaining : TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
                var withProbes = new VerificationReport([.. report.Checks, .. probes]);
                progress.Report(withProbes, _time.GetElapsedTime(started), options.Timeout);
                return withProbes.IsReady ? withProbes : throw Failure(withProbes, "endpoints did not answer");
            }

            IReadOnlyList<CheckResult> failed = report.Failed;
            if (failed.Count > 0)
            {
                failingSince ??= _time.GetTimestamp();
                bool terminal = failed.Any(static f => f.Reason is "ProgressDeadlineExceeded" or "SyncFailed" or "SyncError" || HelmReleaseReasons.IsFailedAction(f.Reason));
                if (terminal || _time.GetElapsedTime(failingSince.Value) >= options.FailFastAfter)
                {
                    throw Failure(report, "the rollout failed");
                }
            }
            else
            {
                failingSince = null;
            }

            if (elapsed >= options.Timeout)
            {
                throw Failure(report, $"not ready after {options.Timeout.TotalSeconds:0}s");
            }

            await Task.Delay(options.Interval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<ClusterSnapshot> ReadSnapshotAsync(VerifyOptions options, CancellationToken cancellationToken)
        => ReadSnapshotAsync(_cluster, options, cancellationToken);

    /// <summary>One pass over the cluster: one list call per kind per namespace, in parallel.</summary>
    public static async Task<ClusterSnapshot> ReadSnapshotAsync(IRolloutReader cluster, VerifyOptions options, CancellationToken cancellationToken)
    {
        if (options.Expected is { } expected)
        {
            return await ReadScopedAsync(cluster, expected, cancellationToken).ConfigureAwait(false);
        }

        Task<IReadOnlyList<NodeStatus>> nodes = cluster.ListNodesForRolloutAsync(cancellationToken);
        var deployments = options.Namespaces.Select(ns => cluster.ListDeploymentsForRolloutAsync(ns, cancellationToken)).ToList();
        var pods = options.Namespaces.Select(ns => cluster.ListPodsForRolloutAsync(ns, cancellationToken)).ToList();
        var releases = options.Namespaces.Select(ns => cluster.ListHelmReleasesForRolloutAsync(ns, cancellationToken)).ToList();
        List<Task<IReadOnlyList<ApplicationStatus>>> applications = options.IncludeApplications
            ? [cluster.ListApplicationsForRolloutAsync("argocd", cancellationToken)]
            : [];
        await Task.WhenAll([nodes, .. deployments, .. pods, .. releases, .. applications]).ConfigureAwait(false);
        return new ClusterSnapshot(
            nodes.Result,
            deployments.SelectMany(static t => t.Result).ToList(),
            pods.SelectMany(static t => t.Result).ToList(),
            releases.SelectMany(static t => t.Result).ToList(),
            applications.SelectMany(static t => t.Result).ToList());
    }

    /// <summary>Scoped to the environment: nodes, its own HelmReleases (or Argo CD Applications) and the workloads each installed.</summary>
    private static async Task<ClusterSnapshot> ReadScopedAsync(IRolloutReader cluster, IReadOnlyList<ExpectedRelease> expected, CancellationToken cancellationToken)
    {
        Task<IReadOnlyList<NodeStatus>> nodes = cluster.ListNodesForRolloutAsync(cancellationToken);
        List<Task<ReleaseSnapshot>> releases = [.. expected.Select(e => ReadReleaseAsync(cluster, e, cancellationToken))];
        await Task.WhenAll([nodes, .. releases]).ConfigureAwait(false);
        return new ClusterSnapshot(nodes.Result, [], [], [], []) { Releases = [.. releases.Select(static t => t.Result)] };
    }

    private static async Task<ReleaseSnapshot> ReadReleaseAsync(IRolloutReader cluster, ExpectedRelease expected, CancellationToken cancellationToken)
    {
        IReadOnlyList<ReleaseWorkload> workloads = expected.IsRoot ? [] : await cluster.ListReleaseWorkloadsAsync(expected, cancellationToken).ConfigureAwait(false);
        return expected.IsApplication
            ? new ReleaseSnapshot(expected, null, workloads) { Application = await cluster.GetApplicationForRolloutAsync(expected.Namespace, expected.Name, cancellationToken).ConfigureAwait(false) }
            : new ReleaseSnapshot(expected, await cluster.GetHelmReleaseForRolloutAsync(expected.Namespace, expected.Name, cancellationToken).ConfigureAwait(false), workloads);
    }

    private static SlipwayException Failure(VerificationReport report, string headline)
    {
        IEnumerable<string> lines = report.NotReady.OrderBy(static c => c.State == CheckState.Failed ? 0 : 1).Select(static c => $"  - {c}");
        return SlipwayException.Failed($"Verify failed: {headline}. Not ready:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
    }
}
