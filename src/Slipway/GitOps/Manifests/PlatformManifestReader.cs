using Slipway.GitOps.Yaml;

namespace Slipway.GitOps.Manifests;

/// <summary>Reads the chart and version back from a platform release's HelmRelease or Argo CD Application.</summary>
public static class PlatformManifestReader
{
    public static string? ReadVersion(string text, string sourceName = "platform manifest")
        => YamlScalarEditor.GetScalar(text, "spec.chart.spec.version", "HelmRelease", sourceName)
            ?? YamlScalarEditor.GetScalar(text, "spec.source.targetRevision", "Application", sourceName);

    public static string? ReadChart(string text, string sourceName = "platform manifest")
        => YamlScalarEditor.GetScalar(text, "spec.chart.spec.chart", "HelmRelease", sourceName)
            ?? YamlScalarEditor.GetScalar(text, "spec.source.chart", "Application", sourceName);
}
