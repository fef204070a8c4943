using System.Globalization;
using Slipway.GitOps.Yaml;

namespace Slipway.GitOps;

/// <summary>Reads image, tag and replicas back from an app's HelmRelease or Argo CD Application.</summary>
public static class AppManifestReader
{
    public static AppManifestVersion Read(string text, GitOpsEngine engine, string sourceName = "app manifest")
    {
        string? image;
        string? tag;
        string? replicas;
        if (engine == GitOpsEngine.Flux)
        {
            image = YamlScalarEditor.GetScalar(text, "spec.values.image.repository", "HelmRelease", sourceName);
            tag = YamlScalarEditor.GetScalar(text, "spec.values.image.tag", "HelmRelease", sourceName);
            replicas = YamlScalarEditor.GetScalar(text, "spec.values.replicaCount", "HelmRelease", sourceName);
        }
        else
        {
            image = YamlScalarEditor.GetScalar(text, "spec.source.helm.parameters[name=image.repository].value", "Application", sourceName);
            tag = YamlScalarEditor.GetScalar(text, "spec.source.helm.parameters[name=image.tag].value", "Application", sourceName);
            replicas = YamlScalarEditor.GetScalar(text, "spec.source.helm.parameters[name=replicaCount].value", "Application", sourceName);
        }

        return new AppManifestVersion(image, tag, int.TryParse(replicas, NumberStyles.Integer, CultureInfo.InvariantCulture, out int count) ? count : null);
    }
}
