using System.Globalization;
using Slipway.GitOps;
using Slipway.GitOps.Yaml;
using Slipway.Yaml;

namespace Slipway.GitOps.Manifests;

/// <summary>
/// Renders the files of the GitOps repository. A file that does not exist yet is written fresh, with
/// comments saying what Slipway owns; a file that exists only gets the scalars Slipway owns spliced in
/// (<see cref="ScalarEdit"/>), so the user's edits, comments and key order survive. Rendering the same
/// input over its own output changes nothing.
/// </summary>
public static partial class ManifestRenderer
{
    /// <summary>The app's <c>helm-release.yaml</c> (Flux) or <c>application.yaml</c> (Argo CD).</summary>
    public static string RenderApp(GitOpsEnvironment environment, AppRelease app, string? existing)
    {
        string path = GitOpsPaths.App(environment.Path, app.Name, environment.Engine);
        string replicas = app.Replicas.ToString(CultureInfo.InvariantCulture);
        if (environment.Engine == GitOpsEngine.Flux)
        {
            return ScalarEdit.ApplyAll(existing ?? FluxApp(environment, app), [.. FluxAppEdits(app, replicas), .. DigestEdit("HelmRelease", "spec.values.image.digest", app, existing)], path);
        }

        return ScalarEdit.ApplyAll(existing ?? ArgoApp(environment, app), [.. ArgoAppEdits(app, replicas), .. DigestEdit("Application", "spec.source.helm.valuesObject.image.digest", app, existing)], path);
    }

    /// <summary>The platform release's <c>clusters/&lt;env&gt;/platform/&lt;name&gt;.yaml</c>.</summary>
    public static string RenderPlatform(GitOpsEnvironment environment, PlatformRelease release, string? existing)
    {
        string path = GitOpsPaths.PlatformRelease(environment.Path, release.Name);
        if (release.ValuesSecret is not null && environment.Engine != GitOpsEngine.Flux)
        {
            throw SlipwayException.Input($"{path}: the values {string.Join(", ", release.SecretPaths)} of {release.Name} are secret, and an Argo CD Application cannot read Helm values from a Secret; see docs/secrets.md.");
        }

        if (existing is null)
        {
            return environment.Engine == GitOpsEngine.Flux ? FluxPlatform(environment, release) : ArgoPlatform(release);
        }

        IEnumerable<ScalarEdit> edits = environment.Engine == GitOpsEngine.Flux
            ? [
                ScalarEdit.Of("HelmRepository", "spec.url", release.Repository),
                ScalarEdit.Of("HelmRelease", "spec.chart.spec.chart", release.Chart),
                ScalarEdit.Of("HelmRelease", "spec.chart.spec.version", release.Version),
                .. ValueEdits("HelmRelease", YamlPath.Of("spec", "values"), release),
            ]
            : [
                ScalarEdit.Of("Application", "spec.source.repoURL", release.Repository),
                ScalarEdit.Of("Application", "spec.source.chart", release.Chart),
                ScalarEdit.Of("Application", "spec.source.targetRevision", release.Version),
                .. ValueEdits("Application", YamlPath.Of("spec", "source", "helm", "valuesObject"), release),
            ];
        string edited = ScalarEdit.ApplyAll(existing, edits, path);
        return environment.Engine == GitOpsEngine.Flux ? ValuesFromEdit.Apply(edited, release, path) : edited;
    }

    /// <summary>The environment's bootstrap file: Flux GitRepository + Kustomization, or the Argo CD root Applications.</summary>
    public static string RenderBootstrap(GitOpsEnvironment environment, string? existing)
    {
        string path = GitOpsPaths.Bootstrap(environment.Path, environment.Engine);
        if (environment.Engine == GitOpsEngine.Flux)
        {
            return existing is null
                ? FluxSync(environment)
                : ScalarEdit.ApplyAll(
                    existing,
                    [
                        ScalarEdit.Of("GitRepository", "spec.url", environment.SourceUrl),
                        ScalarEdit.Of("GitRepository", "spec.ref.branch", environment.Branch),
                        ScalarEdit.Of("Kustomization", "spec.path", $"./{environment.Path}"),
                    ],
                    path);
        }

        return existing is null
            ? ArgoRoot(environment)
            : ScalarEdit.ApplyAll(
                existing,
                new[] { $"{environment.Name}-apps", $"{environment.Name}-platform" }.SelectMany(name => new[]
                {
                    ScalarEdit.Of($"Application/{name}", "spec.source.repoURL", environment.SourceUrl),
                    ScalarEdit.Of($"Application/{name}", "spec.source.targetRevision", environment.Branch),
                }),
                path);
    }

    private static IEnumerable<ScalarEdit> FluxAppEdits(AppRelease app, string replicas)
        => [
            ScalarEdit.Of("HelmRelease", "spec.values.image.repository", app.Image),
            ScalarEdit.Of("HelmRelease", "spec.values.image.tag", app.Tag),
            ScalarEdit.Of("HelmRelease", "spec.values.replicaCount", replicas, YamlValueKind.Literal),
        ];

    private static IEnumerable<ScalarEdit> ArgoAppEdits(AppRelease app, string replicas)
        => [
            ScalarEdit.Of("Application", "spec.source.helm.parameters[name=image.repository].value", app.Image),
            ScalarEdit.Of("Application", "spec.source.helm.parameters[name=image.tag].value", app.Tag),
            ScalarEdit.Of("Application", "spec.source.helm.parameters[name=replicaCount].value", replicas),
        ];

    /// <summary>
    /// The digest pin (<c>image.digest</c>): set when the app has one; emptied (run the tag) in a file that has one when
    /// the app no longer does; left out otherwise, so a file that never had a pin is not touched.
    /// </summary>
    private static IEnumerable<ScalarEdit> DigestEdit(string documentKind, string path, AppRelease app, string? existing)
        => app.Digest is not null
            ? [ScalarEdit.Of(documentKind, path, app.Digest)]
            : existing?.Contains("digest:", StringComparison.Ordinal) == true
                ? [ScalarEdit.Of(documentKind, path, string.Empty)]
                : [];

    private static IEnumerable<ScalarEdit> ValueEdits(string documentKind, YamlPath prefix, PlatformRelease release)
        => release.Values is null
            ? []
            : YamlBlockWriter.Leaves(release.Values, prefix).Select(leaf => new ScalarEdit(documentKind, leaf.Path, leaf.Value, leaf.Kind));

    private static string S(string value) => YamlScalarText.String(value);
}
