using Slipway.Environments.Validation;
using Slipway.GitOps;
using Slipway.GitOps.Git;
using Slipway.GitOps.Manifests;
using Slipway.GitOps.Yaml;
using Slipway.Verification;

namespace Slipway.Delivery;

/// <summary>Verify's scope: the environment's own HelmReleases (or Argo CD Applications) and the versions the head of its GitOps branch names.</summary>
public sealed partial class EnvironmentDelivery
{
    /// <summary>
    /// The HelmReleases (or, with Argo CD, the Applications and the root applications that sync them) the pushed commit (the
    /// head of the environment's GitOps branch) names — apps with their image and chart version, platform releases with
    /// their chart version — or null when it names none (Verify then checks the environment's namespaces as a whole).
    /// </summary>
    private async Task<IReadOnlyList<ExpectedRelease>?> ExpectedReleasesAsync(CancellationToken cancellationToken)
    {
        (IGitOpsRepository repository, GitOpsEnvironment environment) = await GitOpsAsync(cancellationToken).ConfigureAwait(false);
        GitOpsSnapshot snapshot = await repository.ReadSnapshotAsync(EnvironmentVersionsReader.Paths(environment.Path), cancellationToken).ConfigureAwait(false);
        EnvironmentVersions versions = EnvironmentVersionsReader.Read(snapshot, Name, environment.Path);
        string commit = snapshot.CommitSha[..Math.Min(12, snapshot.CommitSha.Length)];
        var expected = new List<ExpectedRelease>();
        foreach (RunningApp app in versions.Apps)
        {
            string image = app.Image is not null && app.Tag is not null ? app.ImageReference : string.Empty;
            expected.Add(Expected(snapshot.Read(app.Path)!, app.Path, app.Name, image, commit));
        }

        foreach (RunningChart chart in versions.Charts)
        {
            expected.Add(Expected(snapshot.Read(chart.Path)!, chart.Path, chart.Name, string.Empty, commit));
        }

        if (_settings.GitOps.IsArgoCd)
        {
            // The root applications ("app of apps") that sync the environment's Applications from its folders.
            // Each is checked only when its folder names something (an empty folder's root has nothing to sync).
            string root = $"{GitOpsPaths.ArgoRoot(environment.Path)} at {commit}";
            if (versions.Apps.Count > 0)
            {
                expected.Add(Root($"{Name}-apps", root));
            }

            if (versions.Charts.Count > 0)
            {
                expected.Add(Root($"{Name}-platform", root));
            }
        }

        return expected.Count == 0 ? null : expected;
    }

    private static ExpectedRelease Root(string name, string source)
        => new(ManifestRenderer.ArgoNamespace, name, null, null, source) { Destination = ManifestRenderer.ArgoNamespace, IsRoot = true };

    private ExpectedRelease Expected(string text, string path, string fallbackName, string image, string commit)
    {
        bool argo = _settings.GitOps.IsArgoCd;
        string kind = argo ? "Application" : "HelmRelease";
        string name = YamlScalarEditor.GetScalar(text, "metadata.name", kind, path) ?? fallbackName;
        string? appNamespace = _settings.Apps.Values.FirstOrDefault(a => a.Name == name)?.Namespace;
        string ns = YamlScalarEditor.GetScalar(text, "metadata.namespace", kind, path) ?? (argo ? ManifestRenderer.ArgoNamespace : appNamespace) ?? "default";

        // An Application's targetRevision is a chart version only when its source names a chart (else it is a git revision).
        string? version = argo && PlatformManifestReader.ReadChart(text, path) is null ? null : PlatformManifestReader.ReadVersion(text, path);
        return new ExpectedRelease(ns, name, image.Length == 0 ? null : image, version is not null && MergedValidator.IsPinned(version) ? version.TrimStart('v') : null, $"{path} at {commit}")
        {
            Destination = argo ? YamlScalarEditor.GetScalar(text, "spec.destination.namespace", kind, path) ?? appNamespace ?? "default" : null,
        };
    }
}
