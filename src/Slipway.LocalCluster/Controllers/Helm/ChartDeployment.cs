using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;

namespace Slipway.LocalCluster.Controllers.Helm;

/// <summary>
/// The one object a chart "installs" in the local cluster: a Deployment named after the release, with the
/// labels a typical chart sets (<c>app.kubernetes.io/name</c>, <c>/instance</c>, <c>/managed-by: Helm</c>,
/// <c>helm.sh/chart</c>), one container named after the chart running <see cref="ChartRelease.Image"/>, and
/// <c>values.replicaCount</c> replicas. No Service, no other templates: there is no chart to render.
/// </summary>
internal static class ChartDeployment
{
    /// <summary>Pod-template annotation naming an image the kubelet treats as present: a chart's default image.</summary>
    public const string DefaultImageAnnotation = "local-cluster.slipway.dev/chart-default-image";

    public static JsonObject Build(ChartRelease release, IReadOnlyDictionary<string, string> extraLabels)
    {
        string chart = ChartName(release.Chart);
        var selector = new JsonObject
        {
            ["app.kubernetes.io/name"] = chart,
            ["app.kubernetes.io/instance"] = release.Name,
        };
        var labels = selector.DeepClone().AsObject();
        labels["app.kubernetes.io/managed-by"] = "Helm";
        labels["app.kubernetes.io/version"] = release.AppVersion;
        labels["helm.sh/chart"] = $"{chart}-{release.ChartVersion}";
        foreach ((string key, string value) in extraLabels)
        {
            labels[key] = value;
        }

        var template = new JsonObject { ["labels"] = selector.DeepClone() };
        if (release.IsChartDefaultImage)
        {
            template["annotations"] = new JsonObject { [DefaultImageAnnotation] = release.Image };
        }

        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject
            {
                ["name"] = release.Name,
                ["namespace"] = release.Namespace,
                ["labels"] = labels,
                ["annotations"] = new JsonObject
                {
                    ["meta.helm.sh/release-name"] = release.Name,
                    ["meta.helm.sh/release-namespace"] = release.Namespace,
                },
            },
            ["spec"] = new JsonObject
            {
                ["replicas"] = release.Replicas,
                ["selector"] = new JsonObject { ["matchLabels"] = selector },
                ["template"] = new JsonObject
                {
                    ["metadata"] = template,
                    ["spec"] = new JsonObject
                    {
                        ["containers"] = new JsonArray(new JsonObject
                        {
                            ["name"] = chart,
                            ["image"] = release.Image,
                        }),
                    },
                },
            },
        };
    }

    /// <summary>True when the Deployment's rollout is complete by the rules kubectl rollout status uses.</summary>
    public static bool IsRolledOut(JsonObject? deployment)
    {
        if (deployment is null)
        {
            return false;
        }

        long replicas = deployment.Long("spec", "replicas") ?? 1;
        long updated = deployment.Long("status", "updatedReplicas") ?? 0;
        return (deployment.Long("metadata", "generation") ?? 1) <= (deployment.Long("status", "observedGeneration") ?? 0)
            && updated == replicas
            && (deployment.Long("status", "replicas") ?? 0) == updated
            && (deployment.Long("status", "availableReplicas") ?? 0) == updated;
    }

    /// <summary>The Progressing condition's message when the rollout passed its progress deadline, else null.</summary>
    public static string? DeadlineExceeded(JsonObject? deployment)
    {
        JsonObject? progressing = deployment?.Obj("status") is JsonObject status ? Conditions.Find(status, "Progressing") : null;
        return progressing?.Str("reason") == "ProgressDeadlineExceeded" ? progressing.Str("message") : null;
    }

    /// <summary>A chart from a Git source is a path (<c>./charts/web</c>); labels and container names take its last segment.</summary>
    internal static string ChartName(string chart)
    {
        string trimmed = chart.TrimEnd('/');
        int slash = trimmed.LastIndexOf('/');
        return slash >= 0 ? trimmed[(slash + 1)..] : trimmed;
    }
}
