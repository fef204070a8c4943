using Slipway.LocalCluster.Controllers.ArgoCd;
using Slipway.LocalCluster.Controllers.Flux;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Controllers.Workloads;
using Slipway.LocalCluster.Hosting;
using Slipway.LocalCluster.Images;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Controllers;

/// <summary>
/// The controllers the local cluster runs while it serves: nodes, the kubelet simulation, Deployments, ReplicaSets,
/// Services' Endpoints and EndpointSlices, Flux's
/// GitRepository, HelmRepository, Kustomization and HelmRelease, and Argo CD's Application. Each one is an informer-style loop on the
/// store (list, watch, periodic resync), so a change is acted on as soon as it is written.
/// Register them with the host: <c>new LocalClusterOptions { …, Controllers = LocalClusterControllers.All }</c>.
/// </summary>
public static class LocalClusterControllers
{
    /// <summary>One factory per controller, for <see cref="LocalClusterOptions.Controllers"/>; options come from <see cref="OptionsFor"/>.</summary>
    public static IReadOnlyList<Func<LocalClusterContext, IClusterController>> All { get; } =
    [
        c => new NodeController(ContextFor(c)),
        c => new KubeletController(ContextFor(c)),
        c => new DeploymentController(ContextFor(c)),
        c => new ReplicaSetController(ContextFor(c)),
        c => new EndpointsController(ContextFor(c)),
        c => new GitRepositoryController(ContextFor(c)),
        c => new HelmRepositoryController(ContextFor(c)),
        c => new KustomizationController(ContextFor(c)),
        c => new HelmReleaseController(ContextFor(c)),
        c => new ApplicationController(ContextFor(c)),
    ];

    /// <summary>
    /// The controller options a hosted cluster uses: its node count, pod delay and clock, and the source cache
    /// <c>&lt;StateDirectory&gt;/sources</c>.
    /// </summary>
    public static ControllerOptions OptionsFor(LocalClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ControllerOptions
        {
            SourceCacheDirectory = Path.Combine(Path.GetFullPath(options.StateDirectory), "sources"),
            NodeCount = options.NodeCount,
            PodReadyDelay = options.PodReadyDelay,
            TimeProvider = options.TimeProvider,
        };
    }

    /// <summary>Every controller on one store, image catalogue and set of options (for running them without the host).</summary>
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
            new ReplicaSetController(context),
            new EndpointsController(context),
            new GitRepositoryController(context),
            new HelmRepositoryController(context),
            new KustomizationController(context),
            new HelmReleaseController(context),
            new ApplicationController(context),
        ];
    }

    private static ControllerContext ContextFor(LocalClusterContext cluster)
        => new(cluster.Store, cluster.Images.Lookup, OptionsFor(cluster.Options) with { ChartRepositoryAddress = cluster.BaseAddress });
}
