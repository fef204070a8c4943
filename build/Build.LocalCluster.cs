using Slipway;
using Slipway.Cluster.Connection;
using Slipway.Delivery;
using Slipway.Environments;
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

    [Parameter("LocalCluster: move the saved state of --env's cluster aside (local-cluster/<env>/state.json.reset-<time>) and start it empty")]
    private readonly bool _reset;

    [Parameter("PublishChart: the chart repository URL to mirror, e.g. https://stefanprodan.github.io/podinfo")]
    private readonly string? _repository;

    [Parameter("PublishChart: the chart name, e.g. podinfo")]
    private readonly string? _chart;

    [Parameter("PublishChart: the chart version (semver), e.g. 6.7.1")]
    private readonly string? _version;

    private SlipwayPaths Paths => new(RootDirectory);

    private Target LocalCluster => _ => _
        .Description("Serve the local clusters, one per local environment (or --env's only), until Ctrl+C; prints each one's kubectl context")
        .Executes(async ct =>
        {
            EnvironmentCatalog catalog = await CatalogAsync(ct);
            IReadOnlyList<string> environments = LocalClusterEnvironments(catalog);
            await LocalClusterStarter.SetAsideSingleClusterAsync(Paths.LocalCluster, Log, ct);
            if (_reset)
            {
                LocalClusterCommands.Reset(LocalClusterLayout.StateDirectory(Paths.LocalCluster, _env!), TimeProvider.System, Log);
            }

            IReadOnlyList<string> images = EnvironmentDelivery.LocalClusterImages(catalog);
            LocalClusterOptions[] clusters = [.. environments.Select(e => LocalClusterStarter.OptionsFor(new LocalClusterStartRequest(Paths.LocalCluster, e, images)) with { Port = _localClusterPort })];
            await LocalClusterCommands.ServeAsync(clusters, Log, ct);
        });

    /// <summary>The environments LocalCluster serves: --env (which must run on the local cluster), else every local one.</summary>
    private IReadOnlyList<string> LocalClusterEnvironments(EnvironmentCatalog catalog)
    {
        IReadOnlyList<string> local = EnvironmentDelivery.LocalEnvironments(catalog);
        string known = local.Count == 0 ? "none: no environment sets cluster.local: true" : string.Join(", ", local);
        if (_env is null)
        {
            if (_reset)
            {
                throw SlipwayException.Input($"--reset sets one environment's local cluster aside: add --env NAME (local environments: {known}).");
            }

            if (_localClusterPort != 0 && local.Count > 1)
            {
                throw SlipwayException.Input($"--local-cluster-port {_localClusterPort} can serve one cluster only: add --env NAME (local environments: {known}).");
            }

            return local;
        }

        if (!local.Contains(_env, StringComparer.Ordinal))
        {
            throw SlipwayException.Input(catalog.Contains(_env)
                ? $"--env {_env} does not run on the local cluster (environments/{_env}/env.yaml resolves cluster.local to false). Local environments: {known}."
                : $"--env {_env} is not an environment (no environments/{_env}/env.yaml). Local environments: {known}.");
        }

        return [_env];
    }

    private Target PublishImage => _ => _
        .Description("Add --image at --tag to the local cluster's image catalogue (what a registry push is to a real cluster)")
        .Requires(() => _image)
        .Requires(() => _tag)
        .Executes(async ct => await LocalClusterCommands.PublishImageAsync(
            LocalClusterLayout.ImageCatalogPath(Paths.LocalCluster), _image!, _tag!, _crash, Log, ct));

    private Target PublishChart => _ => _
        .Description("Add --chart at --version to the local cluster's mirror of the chart repository --repository (local-cluster/charts/)")
        .Requires(() => _repository)
        .Requires(() => _chart)
        .Requires(() => _version)
        .Executes(async ct => await LocalClusterCommands.PublishChartAsync(
            new ChartMirror(RootDirectory / ChartMirror.RelativeRoot), _repository!, _chart!, _version!, Log, ct));
}
