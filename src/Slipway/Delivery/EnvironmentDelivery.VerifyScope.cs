using Slipway.Environments.Validation;
using Slipway.GitOps;
using Slipway.GitOps.Git;
using Slipway.GitOps.Manifests;
using Slipway.GitOps.Yaml;
using Slipway.Verification;

namespace Slipway.Delivery;

/// <summary>Verify's scope: the environment's own HelmReleases and the versions the head of its GitOps branch names.</summary>
public sealed partial class EnvironmentDelivery
{
    /// <summary>
    /// The HelmReleases the pushed commit (the head of the environment's GitOps branch) names — apps with their image and
    /// chart version, platform releases with their chart version — or null with Argo CD or when it names none (Verify then
    /// checks the environment's namespaces as a whole).
    /// </summary>
    private async Task<IReadOnlyList<ExpectedRelease>?> ExpectedReleasesAsync(CancellationToken cancellationToken)
    {
        if (_settings.GitOps.IsArgoCd)
        {
            return null;
        }

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

        return expected.Count == 0 ? null : expected;
    }

    private ExpectedRelease Expected(string text, string path, string fallbackName, string image, string commit)
    {
        string name = YamlScalarEditor.GetScalar(text, "metadata.name", "HelmRelease", path) ?? fallbackName;
        string ns = YamlScalarEditor.GetScalar(text, "metadata.namespace", "HelmRelease", path)
            ?? _settings.Apps.Values.FirstOrDefault(a => a.Name == name)?.Namespace
            ?? "default";
        string? version = PlatformManifestReader.ReadVersion(text, path);
        return new ExpectedRelease(ns, name, image.Length == 0 ? null : image, version is not null && MergedValidator.IsPinned(version) ? version.TrimStart('v') : null, $"{path} at {commit}");
    }
}
