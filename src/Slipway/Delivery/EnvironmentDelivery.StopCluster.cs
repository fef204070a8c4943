using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Models;
using Slipway.Cluster;
using Slipway.GitOps;
using Slipway.GitOps.Manifests;
using Slipway.Releases;

namespace Slipway.Delivery;

/// <summary>
/// What an emergency stop does on the cluster, and Resume undoes: suspend the environment's Flux Kustomization and
/// HelmReleases (<c>spec.suspend</c>, merge patch) or turn off its Argo CD Applications' automated sync, and scale apps to zero.
/// The state before is read first (and recorded in Git by the caller), so Resume puts back exactly that.
/// </summary>
public sealed partial class EnvironmentDelivery
{
    private const string InstanceLabel = "app.kubernetes.io/instance";

    /// <summary>The environment's reconcilers that exist on the cluster, with their state now.</summary>
    internal async Task<IReadOnlyList<SuspendedObject>> ReadReconcilersAsync(CancellationToken cancellationToken)
    {
        KubernetesCluster cluster = await ClusterAsync(cancellationToken).ConfigureAwait(false);
        IEnumerable<(string Namespace, string Name)> releases = _settings.Apps.Values.Select(static a => (a.Namespace, a.Name))
            .Concat(_settings.Platform.Releases.Values.Select(static r => (r.Namespace, r.Name)));
        (CustomResource Resource, string Namespace, string Name)[] candidates = Engine == GitOpsEngine.ArgoCd
            ?
            [
                (CustomResource.Application, ManifestRenderer.ArgoNamespace, $"{Name}-apps"),
                (CustomResource.Application, ManifestRenderer.ArgoNamespace, $"{Name}-platform"),
                .. releases.Select(static r => (CustomResource.Application, ManifestRenderer.ArgoNamespace, r.Name)),
            ]
            :
            [
                (CustomResource.Kustomization, FluxSync.Namespace, Name),
                .. releases.Select(static r => (CustomResource.HelmRelease, r.Namespace, r.Name)),
            ];
        var found = new List<SuspendedObject>();
        foreach ((CustomResource resource, string ns, string name) in candidates.Distinct())
        {
            if (await cluster.GetCustomObjectAsync(resource, ns, name, cancellationToken).ConfigureAwait(false) is not { } item)
            {
                continue;
            }

            JsonElement? automated = JsonStatus.Find(item, "spec", "syncPolicy", "automated");
            found.Add(new SuspendedObject
            {
                Environment = Name,
                Kind = resource.Kind,
                Namespace = ns,
                Name = name,
                WasSuspended = JsonStatus.Find(item, "spec", "suspend") is { ValueKind: JsonValueKind.True },
                Automated = resource == CustomResource.Application && automated is { ValueKind: JsonValueKind.Object } on ? on.GetRawText() : null,
            });
        }

        return found;
    }

    /// <summary>The Deployments of <paramref name="apps"/> (named after the app, or labelled <c>app.kubernetes.io/instance</c> with it) and their replicas now.</summary>
    private async Task<IReadOnlyList<ScaledDeployment>> ReadScaleDownAsync(IReadOnlyList<string> apps, CancellationToken cancellationToken)
    {
        KubernetesCluster cluster = await ClusterAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<ScaledDeployment>();
        foreach (string app in apps)
        {
            string ns = _settings.Apps[app].Namespace;
            IReadOnlyList<V1Deployment> deployments = await cluster.ListDeploymentsAsync(ns, cancellationToken).ConfigureAwait(false);
            V1Deployment[] matching = deployments
                .Where(d => d.Metadata.Name == app || (d.Metadata.Labels?.TryGetValue(InstanceLabel, out string? instance) == true && instance == app))
                .ToArray();
            if (matching.Length == 0)
            {
                _context.Log.Warning($"--scale-down {app}: no Deployment of {app} in namespace {ns} on the cluster; nothing to scale down.");
            }

            found.AddRange(matching.Select(d => new ScaledDeployment
            {
                Environment = Name,
                App = app,
                Namespace = ns,
                Deployment = d.Metadata.Name,
                Replicas = d.Spec.Replicas ?? 1,
            }));
        }

        return found;
    }

    /// <summary>Suspends what <paramref name="stop"/> lists (reconcilers first, so nothing scales the apps back up), then scales to zero.</summary>
    internal async Task ApplyStopAsync(Stop stop, CancellationToken cancellationToken)
    {
        KubernetesCluster cluster = await ClusterAsync(cancellationToken).ConfigureAwait(false);
        foreach (SuspendedObject item in stop.Suspended.Where(s => s.Environment == Name))
        {
            JsonObject spec = item.Kind == CustomResource.Application.Kind
                ? new JsonObject { ["syncPolicy"] = new JsonObject { ["automated"] = null } }
                : new JsonObject { ["suspend"] = true };
            await cluster.MergePatchCustomObjectAsync(ResourceOf(item), item.Namespace, item.Name, new JsonObject { ["spec"] = spec }, cancellationToken).ConfigureAwait(false);
        }

        foreach (ScaledDeployment deployment in stop.ScaledDown.Where(s => s.Environment == Name))
        {
            await cluster.ScaleDeploymentAsync(deployment.Namespace, deployment.Deployment, 0, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Undoes <paramref name="stop"/> for this environment: replica counts back first, then each reconciler as it was.</summary>
    internal async Task UndoStopAsync(Stop stop, CancellationToken cancellationToken)
    {
        KubernetesCluster cluster = await ClusterAsync(cancellationToken).ConfigureAwait(false);
        foreach (ScaledDeployment deployment in stop.ScaledDown.Where(s => s.Environment == Name))
        {
            await cluster.ScaleDeploymentAsync(deployment.Namespace, deployment.Deployment, deployment.Replicas, cancellationToken).ConfigureAwait(false);
        }

        foreach (SuspendedObject item in stop.Suspended.Where(s => s.Environment == Name).Reverse())
        {
            JsonObject spec = item.Kind == CustomResource.Application.Kind
                ? new JsonObject { ["syncPolicy"] = new JsonObject { ["automated"] = item.Automated is null ? null : JsonNode.Parse(item.Automated) } }
                : new JsonObject { ["suspend"] = item.WasSuspended };
            await cluster.MergePatchCustomObjectAsync(ResourceOf(item), item.Namespace, item.Name, new JsonObject { ["spec"] = spec }, cancellationToken).ConfigureAwait(false);
        }
    }

    private static CustomResource ResourceOf(SuspendedObject item)
        => new[] { CustomResource.Kustomization, CustomResource.HelmRelease, CustomResource.Application }.FirstOrDefault(r => r.Kind == item.Kind)
            ?? throw SlipwayException.Input($"The stop lists {item}, a kind Slipway does not suspend (Kustomization, HelmRelease, Application); fix the stop file from the GitOps repository's history.");
}
