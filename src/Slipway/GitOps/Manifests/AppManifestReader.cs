using System.Globalization;
using Slipway.GitOps;
using Slipway.GitOps.Yaml;

namespace Slipway.GitOps.Manifests;

/// <summary>Reads image, tag and replicas back from an app's HelmRelease or Argo CD Application.</summary>
public static class AppManifestReader
{
    private static readonly YamlPath[] s_flux =
    [
        YamlPath.Parse("spec.values.image.repository"),
        YamlPath.Parse("spec.values.image.tag"),
        YamlPath.Parse("spec.values.replicaCount"),
    ];

    private static readonly YamlPath[] s_argo =
    [
        YamlPath.Parse("spec.source.helm.parameters[name=image.repository].value"),
        YamlPath.Parse("spec.source.helm.parameters[name=image.tag].value"),
        YamlPath.Parse("spec.source.helm.parameters[name=replicaCount].value"),
    ];

    public static AppManifestVersion Read(string text, GitOpsEngine engine, string sourceName = "app manifest")
    {
        string?[] values = engine == GitOpsEngine.Flux
            ? YamlScalarEditor.GetScalars(text, s_flux, "HelmRelease", sourceName)
            : YamlScalarEditor.GetScalars(text, s_argo, "Application", sourceName);
        int? replicas = int.TryParse(values[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out int count) ? count : null;
        return new AppManifestVersion(values[0], values[1], replicas);
    }
}
