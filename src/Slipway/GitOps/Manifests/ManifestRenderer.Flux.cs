using System.Text;
using Slipway.GitOps;
using Slipway.GitOps.Yaml;

namespace Slipway.GitOps.Manifests;

public static partial class ManifestRenderer
{
    private static string FluxSync(GitOpsEnvironment environment) => $"""
        # Flux bootstrap of environment "{environment.Name}", written by Slipway.
        # The Kustomization applies every manifest under {environment.Path}/ and prunes what is removed.
        # Slipway keeps spec.url, spec.ref.branch and spec.path current; other edits are kept.
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: GitRepository
        metadata:
          name: {GitOpsPaths.SourceName}
          namespace: flux-system
        spec:
          interval: 1m
          url: {S(environment.SourceUrl)}
          ref:
            branch: {S(environment.Branch)}
        ---
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: {environment.Name}
          namespace: flux-system
        spec:
          interval: 10m
          path: {S("./" + environment.Path)}
          prune: true
          sourceRef:
            kind: GitRepository
            name: {GitOpsPaths.SourceName}

        """;

    private static string FluxApp(GitOpsEnvironment environment, AppRelease app)
    {
        string chart = app.Chart is null
            ? $"""
                    chart: {S($"./charts/{app.Name}")}
                    sourceRef:
                      kind: GitRepository
                      name: {GitOpsPaths.SourceName}
                      namespace: flux-system
              """
            : $"""
                    chart: {S(app.Chart.Name)}
                    version: {S(app.Chart.Version)}
                    sourceRef:
                      kind: HelmRepository
                      name: {app.Name}
              """;
        string repository = app.Chart is null ? string.Empty : HelmRepository(app.Name, app.Namespace, app.Chart.Repository);
        return $"""
            # The app "{app.Name}" in environment "{environment.Name}", written by Slipway.
            # Slipway changes only spec.values.image.repository, spec.values.image.tag and
            # spec.values.replicaCount here; every other edit and comment is kept.
            apiVersion: v1
            kind: Namespace
            metadata:
              name: {app.Namespace}
            ---
            {repository}apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: {app.Name}
              namespace: {app.Namespace}
            spec:
              interval: 5m
              timeout: 5m
              maxHistory: 5
              chart:
                spec:
            {chart}
              upgrade:
                remediation:
                  retries: 3
                  strategy: rollback
              values:
                image:
                  repository: {S(app.Image)}
                  tag: {S(app.Tag)}
                replicaCount: {app.Replicas}

            """;
    }

    private static string FluxPlatform(GitOpsEnvironment environment, PlatformRelease release)
    {
        var values = new StringBuilder();
        if (release.Values is { Count: > 0 })
        {
            values.Append("  values:\n");
            YamlBlockWriter.WriteMapping(values, release.Values, 4);
        }

        if (release.ValuesSecret is not null)
        {
            // The values that came from secret references: applied by Slipway as a Secret, never written here.
            values.Append("  valuesFrom:\n")
                .Append("    - kind: Secret\n")
                .Append("      name: ").Append(S(release.ValuesSecret)).Append('\n')
                .Append("      valuesKey: ").Append(ChartValueSecrets.ValuesKey).Append('\n');
        }

        return $"""
            # Platform release "{release.Name}" in environment "{environment.Name}", written by Slipway.
            # Slipway changes only the chart, its version, the repository URL and the values it sets;
            # every other edit and comment is kept.
            apiVersion: v1
            kind: Namespace
            metadata:
              name: {release.Namespace}
            ---
            {HelmRepository(release.Name, release.Namespace, release.Repository)}apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: {release.Name}
              namespace: {release.Namespace}
            spec:
              interval: 10m
              timeout: 5m
              maxHistory: 5
              chart:
                spec:
                  chart: {S(release.Chart)}
                  version: {S(release.Version)}
                  sourceRef:
                    kind: HelmRepository
                    name: {release.Name}
              upgrade:
                remediation:
                  retries: 3
                  strategy: rollback

            """.TrimEnd('\n') + "\n" + values.ToString();
    }

    private static string HelmRepository(string name, string @namespace, string url)
    {
        string type = url.StartsWith("oci://", StringComparison.OrdinalIgnoreCase) ? "  type: oci\n" : string.Empty;
        return $"""
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: HelmRepository
            metadata:
              name: {name}
              namespace: {@namespace}
            spec:
              interval: 1h
              url: {S(url)}

            """ + type + "---\n";
    }
}
