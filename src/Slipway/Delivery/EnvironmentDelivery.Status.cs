using Slipway.Cluster;
using Slipway.GitOps;
using Slipway.GitOps.Git;
using Slipway.Releases;
using Slipway.Verification;

namespace Slipway.Delivery;

/// <summary>Status: what the environment runs (apps, tags, charts, last release, from Git) and how ready the cluster is.</summary>
public sealed partial class EnvironmentDelivery
{
    public async Task<IReadOnlyList<string>> ReadStatusAsync(CancellationToken cancellationToken)
    {
        (IGitOpsRepository repository, GitOpsEnvironment environment) = await GitOpsAsync(cancellationToken).ConfigureAwait(false);
        string releaseLog = GitOpsPaths.ReleaseLog(Name);
        GitOpsSnapshot snapshot = await repository.ReadSnapshotAsync([.. EnvironmentVersionsReader.Paths(environment.Path), releaseLog], cancellationToken).ConfigureAwait(false);
        var lines = new List<string>(EnvironmentVersionsReader.Read(snapshot, Name, environment.Path).FormatTable());
        lines.AddRange(ReleaseLog.Parse(Name, snapshot.Read(releaseLog)).FormatLatest());

        KubernetesCluster cluster = await ClusterAsync(cancellationToken).ConfigureAwait(false);
        ClusterSnapshot state = await RolloutVerifier.ReadSnapshotAsync(
            cluster,
            new VerifyOptions { Namespaces = Namespaces, IncludeApplications = _settings.GitOps.IsArgoCd },
            cancellationToken).ConfigureAwait(false);
        VerificationReport report = VerificationReport.Evaluate(state);
        lines.Add($"Cluster {cluster.Target}: {(report.IsReady ? "Ready" : "NotReady")} — {report.Summary()}");
        foreach (CheckResult failed in report.Failed)
        {
            lines.Add($"  {failed}");
        }

        return lines;
    }
}
