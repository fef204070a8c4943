using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;

namespace Slipway.LocalCluster.Controllers.Helm;

/// <summary>What a chart install means in the local cluster: a release name and namespace, a chart and version, and values.</summary>
internal sealed record ChartRelease(string Name, string Namespace, string Chart, string ChartVersion, JsonObject Values)
{
    /// <summary>
    /// The image the release runs: <c>values.image.repository:values.image.tag</c> (the tag defaulting to the chart
    /// version, as charts default it to their appVersion), with <c>@values.image.digest</c> when one is set (a digest pin). Without <c>values.image</c> it is <c>&lt;chart&gt;:&lt;version&gt;</c>,
    /// which stands for the chart's own default image and always counts as present (see <see cref="IsChartDefaultImage"/>).
    /// </summary>
    public string Image
        => Values.Obj("image") is JsonObject image
            ? $"{image.Str("repository") ?? Chart}:{image.Str("tag") ?? ChartVersion}{(image.Str("digest") is { Length: > 0 } digest ? "@" + digest : string.Empty)}"
            : $"{Chart}:{ChartVersion}";

    public bool IsChartDefaultImage => Values.Obj("image") is null;

    public int Replicas => (int)(Values.Long("replicaCount") ?? 1);

    /// <summary>The values digest Flux records as <c>configDigest</c>.</summary>
    public string ConfigDigest => Json.Sha256(Values);

    /// <summary>The chart's own appVersion (from the repository index), when known.</summary>
    public string? ChartAppVersion { get; init; }

    public string AppVersion => Values.Str("image", "tag") ?? ChartAppVersion ?? ChartVersion;
}
