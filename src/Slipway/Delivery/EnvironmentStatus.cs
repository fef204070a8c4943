using Slipway.GitOps;
using Slipway.Verification;

namespace Slipway.Delivery;

/// <summary>Status: what the environment runs (apps, tags, charts, last release, from Git) and how ready the cluster is.</summary>
public static class EnvironmentStatus
{
    public static async Task<IReadOnlyList<string>> ReadAsync(DeliverySession session, CancellationToken cancellationToken)
    {
        GitOpsConnection gitops = await session.GitOpsAsync(cancellationToken).ConfigureAwait(false);
        EnvironmentVersions versions = await gitops.ReadVersionsAsync(cancellationToken).ConfigureAwait(false);
        var lines = new List<string>(versions.FormatTable());

        Cluster.KubernetesCluster cluster = await session.ClusterAsync(cancellationToken).ConfigureAwait(false);
        ClusterSnapshot snapshot = await RolloutVerifier.ReadSnapshotAsync(
            cluster,
            new VerifyOptions { Namespaces = ReleaseMapping.Namespaces(session.Settings), IncludeApplications = session.Settings.GitOps.Engine == Environments.Settings.GitOpsEngine.ArgoCd },
            cancellationToken).ConfigureAwait(false);
        VerificationReport report = VerificationReport.Evaluate(snapshot);
        lines.Add($"Cluster {cluster.Target}: {(report.IsReady ? "Ready" : "NotReady")} — {report.Summary()}");
        foreach (CheckResult failed in report.Failed)
        {
            lines.Add($"  {failed}");
        }

        return lines;
    }
}
