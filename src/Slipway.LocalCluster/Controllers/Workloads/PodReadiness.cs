using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;

namespace Slipway.LocalCluster.Controllers.Workloads;

/// <summary>Whether a pod counts as Ready (its Ready condition is True; Ready counts as available: no <c>minReadySeconds</c>).</summary>
internal static class PodReadiness
{
    public static bool IsReady(JsonObject pod) => Conditions.IsTrue(pod.Obj("status"), "Ready");
}
