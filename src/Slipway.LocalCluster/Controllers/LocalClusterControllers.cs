using Slipway.LocalCluster.Controllers.ArgoCd;
using Slipway.LocalCluster.Controllers.Flux;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Controllers.Workloads;
using Slipway.LocalCluster.Images;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Controllers;

/// <summary>
/// The controllers the local cluster runs while it serves, for the host to start: nodes, the kubelet simulation,
/// Deployments, and Flux's GitRepository, Kustomization and HelmRelease, and Argo CD's Application. Each one is an
/// informer-style loop on the store (watch plus periodic resync), so a change is acted on as soon as it is written.
/// </summary>
public static class LocalClusterControllers
{
    /// <summary>Every controller, sharing one store, one image catalogue and one set of options.</summary>
    public static IReadOnlyList<IClusterController> Create(IResourceStore store, IImageCatalog images, ControllerOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(options);
        var context = new ControllerContext(store, images.Lookup, options);
        return
        [
            new NodeController(context),
            new KubeletController(context),
            new DeploymentController(context),
            new GitRepositoryController(context),
            new KustomizationController(context),
            new HelmReleaseController(context),
            new ApplicationController(context),
        ];
    }
}
