using Slipway;
using Slipway.Cluster.Connection;
using Slipway.Delivery;
using Slipway.LocalCluster.Charts;
using Slipway.LocalCluster.Hosting;
using Slipway.Targets;

/// <summary>The embedded local cluster: serve it (or reset its state), publish images to its catalogue and charts to its mirror (src/Slipway.LocalCluster).</summary>
internal sealed partial class Build
{
    [Parameter("LocalCluster: the port to serve on (0 = any free port)", Minimum = 0, Maximum = 65535)]
    private readonly int _localClusterPort;

    [Parameter("PublishImage: the image to publish, e.g. web or registry.local/web")]
    private readonly string? _image;

    [Parameter("PublishImage: mark the image as crashing (its pods go to CrashLoopBackOff)")]
    private readonly bool _crash;

    [Parameter("LocalCluster: move the saved state aside (state.json.reset-<time>) and start empty")]
    private readonly bool _reset;

    [Parameter("PublishChart: the chart repository URL to mirror, e.g. https://stefanprodan.github.io/podinfo")]
    private readonly string? _repository;

    [Parameter("PublishChart: the chart name, e.g. podinfo")]
    private readonly string? _chart;

    [Parameter("PublishChart: the chart version (semver), e.g. 6.7.1")]
    private readonly string? _version;

    private SlipwayPaths Paths => new(RootDirectory);

    private Target LocalCluster => _ => _
        .Description("Serve the local Kubernetes cluster (API, Flux- and Argo-like controllers) until Ctrl+C; prints the kubeconfig")
        .Executes(async ct =>
        {
            if (_reset)
            {
                LocalClusterCommands.Reset(Paths.LocalCluster, TimeProvider.System, Log);
            }

            var request = new LocalClusterStartRequest(Paths.LocalCluster, EnvironmentDelivery.LocalClusterImages(await CatalogAsync(ct)));
            await LocalClusterCommands.ServeAsync(LocalClusterStarter.OptionsFor(request) with { Port = _localClusterPort }, Log, ct);
        });

    private Target PublishImage => _ => _
        .Description("Add --image at --tag to the local cluster's image catalogue (what a registry push is to a real cluster)")
        .Requires(() => _image)
        .Requires(() => _tag)
        .Executes(async ct => await LocalClusterCommands.PublishImageAsync(
            new LocalClusterOptions { StateDirectory = Paths.LocalCluster }.ResolvedImageCatalogPath, _image!, _tag!, _crash, Log, ct));

    private Target PublishChart => _ => _
        .Description("Add --chart at --version to the local cluster's mirror of the chart repository --repository (local-cluster/charts/)")
        .Requires(() => _repository)
        .Requires(() => _chart)
        .Requires(() => _version)
        .Executes(async ct => await LocalClusterCommands.PublishChartAsync(
            new ChartMirror(RootDirectory / ChartMirror.RelativeRoot), _repository!, _chart!, _version!, Log, ct));
}
