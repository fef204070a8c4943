using System.Text.Json.Nodes;
using Slipway.Freezing.Charts;
using Slipway.LocalCluster.Charts;
using Slipway.LocalCluster.Controllers.Runtime;

namespace Slipway.LocalCluster.Controllers.Flux;

/// <summary>
/// The chart a HelmRelease installs, resolved as source-controller resolves the HelmChart that helm-controller creates
/// for it (<c>&lt;namespace&gt;-&lt;name&gt;</c> in the source's namespace): from a HelmRepository, the version of
/// <c>spec.chart.spec.chart</c> that <c>spec.chart.spec.version</c> names (exact, or the highest a range allows) in the
/// repository's index artifact; from a GitRepository, the chart at that path once the source has an artifact. When it
/// cannot be resolved the HelmRelease is Ready=False <c>HelmChartNotReady</c> "HelmChart '…' is not ready: …".
/// </summary>
internal sealed partial class HelmReleaseController
{
    private readonly Dictionary<string, ChartIndex> _indexes = [];

    /// <summary>The chart version (and its appVersion) to install, or the reason and message why there is none.</summary>
    private ResolvedChart ResolveChart(JsonObject helmRelease)
    {
        string ns = helmRelease.Str("metadata", "namespace") ?? "default";
        string name = helmRelease.Str("metadata", "name") ?? string.Empty;
        if (helmRelease.Obj("spec", "chart", "spec") is not JsonObject chart)
        {
            return ResolvedChart.Failed("ArtifactFailed", "could not get HelmChart object: spec.chart.spec is required (chartRef sources are not served by the local cluster)");
        }

        string kind = chart.Str("sourceRef", "kind") ?? "HelmRepository";
        string sourceName = chart.Str("sourceRef", "name") ?? string.Empty;
        string sourceNamespace = chart.Str("sourceRef", "namespace") ?? ns;
        string notReady = $"HelmChart '{sourceNamespace}/{ns}-{name}' is not ready: ";
        string chartName = chart.Str("chart") ?? name;
        string? version = chart.Str("version");
        var type = kind switch
        {
            "HelmRepository" => Kinds.HelmRepository,
            "GitRepository" => Kinds.GitRepository,
            _ => null,
        };
        if (type is null)
        {
            return ResolvedChart.Failed("HelmChartNotReady", $"{notReady}source kind {kind} is not served by the local cluster (HelmRepository and GitRepository are)");
        }

        JsonObject? source = Store.Get(type, sourceNamespace, sourceName);
        if (source is null)
        {
            return ResolvedChart.Failed("HelmChartNotReady", $"{notReady}failed to get source: {type.Kind}.{type.Group} \"{sourceName}\" not found");
        }

        if (source.Obj("status", "artifact") is not JsonObject artifact)
        {
            string? why = Conditions.Find(source.Obj("status") ?? [], "Ready")?.Str("message");
            return ResolvedChart.Failed("HelmChartNotReady", $"{notReady}no artifact available for {kind} source '{sourceName}'{(why is null ? string.Empty : $" ({why})")}");
        }

        if (type == Kinds.GitRepository)
        {
            return new ResolvedChart(chartName, version ?? "latest", null, null, null);
        }

        ChartIndex? index = IndexOf(artifact, out string? loadError);
        if (index is null)
        {
            return ResolvedChart.Failed("HelmChartNotReady", $"{notReady}failed to load the index artifact of HelmRepository '{sourceName}': {loadError}");
        }

        (ChartEntry? entry, string? error) = ChartResolution.Resolve(index, chartName, version);
        return entry is null
            ? ResolvedChart.Failed("HelmChartNotReady", $"{notReady}invalid chart reference: failed to get chart version for remote reference: {error}")
            : new ResolvedChart(chartName, entry.Version, entry.AppVersion, null, null);
    }

    /// <summary>The index a HelmRepository stored as its artifact (read once per revision).</summary>
    private ChartIndex? IndexOf(JsonObject artifact, out string? error)
    {
        error = null;
        string revision = artifact.Str("revision") ?? string.Empty;
        if (_indexes.TryGetValue(revision, out ChartIndex? cached))
        {
            return cached;
        }

        try
        {
            string path = new Uri(artifact.Str("url") ?? string.Empty).LocalPath;
            ChartIndex index = ChartIndex.Parse(File.ReadAllText(path), path);
            if (_indexes.Count > 64)
            {
                _indexes.Clear();
            }

            _indexes[revision] = index;
            return index;
        }
        catch (Exception failure) when (failure is IOException or UriFormatException or ChartIndexException or UnauthorizedAccessException)
        {
            error = failure.Message;
            return null;
        }
    }

    /// <summary>A resolved chart (name, version, appVersion), or why it could not be resolved.</summary>
    private sealed record ResolvedChart(string Chart, string Version, string? AppVersion, string? FailureReason, string? FailureMessage)
    {
        public static ResolvedChart Failed(string reason, string message) => new(string.Empty, string.Empty, null, reason, message);
    }
}
