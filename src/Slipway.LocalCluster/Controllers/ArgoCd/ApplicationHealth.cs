using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Helm;
using Slipway.LocalCluster.Controllers.Manifests;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Controllers.ArgoCd;

/// <summary>
/// Argo CD's health assessment, for what the local cluster runs: a Deployment is Healthy when rolled out, Degraded
/// after <c>ProgressDeadlineExceeded</c>, Progressing otherwise; any other kind is Healthy when it exists; a missing
/// object is Missing. The application takes its worst resource's health (Healthy &lt; Progressing &lt; Missing &lt; Degraded).
/// </summary>
internal static class ApplicationHealth
{
    private static readonly string[] s_order = ["Healthy", "Suspended", "Progressing", "Missing", "Degraded"];

    public static string Of(PlannedObject plan, JsonObject? live)
    {
        if (live is null)
        {
            return "Missing";
        }

        if (plan.Type == KnownResourceTypes.Deployment)
        {
            return ChartDeployment.DeadlineExceeded(live) is not null ? "Degraded" : ChartDeployment.IsRolledOut(live) ? "Healthy" : "Progressing";
        }

        return "Healthy";
    }

    public static string Worst(IEnumerable<string> statuses)
        => statuses.Select(s => (Status: s, Rank: Array.IndexOf(s_order, s))).OrderByDescending(s => s.Rank).Select(s => s.Status).FirstOrDefault() ?? "Healthy";
}
