using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Cluster;
using Slipway.Environments;
using Slipway.GitOps;
using Slipway.GitOps.Manifests;

namespace Slipway.Delivery;

/// <summary>
/// Chart values that hold <c>${env:…}</c> or <c>${file:…}</c>: resolved before anything is written, applied to the cluster as
/// the Secret <c>&lt;release&gt;-slipway-values</c> (key <c>values.yaml</c>) before the push, and read by the HelmRelease
/// through <c>spec.valuesFrom</c>. They never reach Git. See docs/secrets.md.
/// </summary>
public sealed partial class EnvironmentDelivery
{
    /// <summary>Tells Flux's helm-controller to reconcile the HelmReleases that read the Secret as soon as it changes.</summary>
    private static readonly IReadOnlyDictionary<string, string> s_valuesSecretLabels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["app.kubernetes.io/managed-by"] = "slipway",
        ["reconcile.fluxcd.io/watch"] = "Enabled",
    };

    /// <summary>The Secret's <c>values.yaml</c> is JSON (valid YAML), so any text a secret holds round-trips exactly.</summary>
    private static readonly JsonSerializerOptions s_valuesJson = new() { WriteIndented = true };

    /// <summary>
    /// The values Secret of each platform release that has secret values, resolved (each value registered as a secret of the
    /// run). A variable or file that is missing fails here (exit 2, naming it and the key); Argo CD refuses (exit 2).
    /// </summary>
    private IReadOnlyList<(PlatformRelease Release, string Values)> ResolveValueSecrets()
    {
        var resolver = new SecretResolver(_context.Variables, _context.RootDirectory, _context.Log);
        var secrets = new List<(PlatformRelease, string)>();
        foreach (PlatformRelease release in PlatformReleases.Where(static r => r.ValuesSecret is not null))
        {
            string keys = string.Join(", ", release.SecretPaths.Select(p => $"platform.releases.{release.Name}.values.{p}"));
            if (Engine == GitOpsEngine.ArgoCd)
            {
                throw SlipwayException.Input(
                    $"Environment {Name}: {keys} holds a secret reference, and gitops.engine argocd cannot give a chart values from a Secret. "
                    + "Set the chart's existingSecret-style value to a Secret that argocd-vault-plugin, SOPS or external-secrets provides, or use gitops.engine: flux (docs/secrets.md).");
            }

            JsonObject references = PlatformReleaseValues(release.Name);
            JsonObject resolved = ChartValueSecrets.Resolve(references, (text, path) => resolver.Resolve(text, $"environments/{Name} platform.releases.{release.Name}.values.{path}"));
            secrets.Add((release, resolved.ToJsonString(s_valuesJson) + "\n"));
        }

        return secrets;
    }

    /// <summary>Creates or updates each values Secret (and its namespace) in the cluster, before the push that references it.</summary>
    private async Task ApplyValueSecretsAsync(IReadOnlyList<(PlatformRelease Release, string Values)> secrets, CancellationToken cancellationToken)
    {
        if (secrets.Count == 0)
        {
            return;
        }

        KubernetesCluster cluster = await ClusterAsync(cancellationToken).ConfigureAwait(false);
        foreach ((PlatformRelease release, string values) in secrets)
        {
            await cluster.EnsureNamespaceAsync(release.Namespace, cancellationToken).ConfigureAwait(false);
            var data = new Dictionary<string, string>(StringComparer.Ordinal) { [ChartValueSecrets.ValuesKey] = values };
            await cluster.ApplySecretAsync(release.Namespace, release.ValuesSecret!, s_valuesSecretLabels, data, cancellationToken).ConfigureAwait(false);
            _context.Log.Info($"Applied Secret {release.Namespace}/{release.ValuesSecret} with the secret values of {release.Name} ({string.Join(", ", release.SecretPaths)}).");
        }
    }

    /// <summary>The secret part of a release's values, references unresolved.</summary>
    private JsonObject PlatformReleaseValues(string release)
        => ChartValueSecrets.Split(ToJson(_settings.Platform.Releases[release].Values), SecretReference.ContainsReference).References ?? [];
}
