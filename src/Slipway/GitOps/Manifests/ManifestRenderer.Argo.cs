using System.Text;
using Slipway.GitOps;
using Slipway.GitOps.Yaml;

namespace Slipway.GitOps.Manifests;

public static partial class ManifestRenderer
{
    /// <summary>The namespace Argo CD's Applications live in.</summary>
    public const string ArgoNamespace = "argocd";

    private static string ArgoRoot(GitOpsEnvironment environment)
    {
        var text = new StringBuilder($"""
            # Argo CD root applications ("app of apps") of environment "{environment.Name}", written by Slipway.
            # They sync every Application under {GitOpsPaths.Apps(environment.Path)}/ and {GitOpsPaths.Platform(environment.Path)}/.
            # Slipway keeps spec.source.repoURL and targetRevision current; other edits are kept.

            """);
        text.Append(RootApplication(environment, $"{environment.Name}-apps", GitOpsPaths.Apps(environment.Path)));
        text.Append("---\n");
        text.Append(RootApplication(environment, $"{environment.Name}-platform", GitOpsPaths.Platform(environment.Path)));
        return text.ToString();
    }

    private static string RootApplication(GitOpsEnvironment environment, string name, string path) => $"""
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: {name}
          namespace: {ArgoNamespace}
        spec:
          project: default
          source:
            repoURL: {S(environment.SourceUrl)}
            targetRevision: {S(environment.Branch)}
            path: {S(path)}
            directory:
              recurse: true
          destination:
            server: https://kubernetes.default.svc
            namespace: {ArgoNamespace}
          syncPolicy:
            automated:
              prune: true
              selfHeal: true

        """;

    private static string ArgoApp(GitOpsEnvironment environment, AppRelease app)
    {
        string source = app.Chart is null
            ? $"""
                  repoURL: {S(environment.SourceUrl)}
                  targetRevision: {S(environment.Branch)}
                  path: {S($"charts/{app.Name}")}
              """
            : $"""
                  repoURL: {S(app.Chart.Repository)}
                  chart: {S(app.Chart.Name)}
                  targetRevision: {S(app.Chart.Version)}
              """;
        return $"""
            # The app "{app.Name}" in environment "{environment.Name}", written by Slipway.
            # Slipway changes only the helm parameters image.repository, image.tag and replicaCount here;
            # every other edit and comment is kept.
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: {app.Name}
              namespace: {ArgoNamespace}
            spec:
              project: default
              source:
            {source}
                helm:
                  parameters:
                    - name: image.repository
                      value: {S(app.Image)}
                    - name: image.tag
                      value: {S(app.Tag)}
                    - name: replicaCount
                      value: {S(app.Replicas.ToString(System.Globalization.CultureInfo.InvariantCulture))}
              destination:
                server: https://kubernetes.default.svc
                namespace: {app.Namespace}
              syncPolicy:
                automated:
                  prune: true
                  selfHeal: true
                syncOptions:
                  - CreateNamespace=true

            """;
    }

    private static string ArgoPlatform(PlatformRelease release)
    {
        var values = new StringBuilder();
        if (release.Values is { Count: > 0 })
        {
            values.Append("    helm:\n      valuesObject:\n");
            YamlBlockWriter.WriteMapping(values, release.Values, 8);
        }

        return $"""
            # Platform release "{release.Name}", written by Slipway.
            # Slipway changes only the chart, its version, the repository URL and the values it sets;
            # every other edit and comment is kept.
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: {release.Name}
              namespace: {ArgoNamespace}
            spec:
              project: default
              source:
                repoURL: {S(release.Repository)}
                chart: {S(release.Chart)}
                targetRevision: {S(release.Version)}
            {values}  destination:
                server: https://kubernetes.default.svc
                namespace: {release.Namespace}
              syncPolicy:
                automated:
                  prune: true
                  selfHeal: true
                syncOptions:
                  - CreateNamespace=true

            """;
    }
}
