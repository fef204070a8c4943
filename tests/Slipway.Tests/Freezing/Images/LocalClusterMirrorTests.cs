using Slipway.Freezing;
using Slipway.Freezing.Charts;
using Slipway.Freezing.Images;
using Slipway.Freezing.Mirrors;
using Slipway.LocalCluster.Charts;
using Slipway.LocalCluster.Images;
using Slipway.Tests.Support;

namespace Slipway.Tests.Freezing.Images;

/// <summary>
/// The resolvers against the real local cluster: the repository's committed chart mirror served at <c>/charts/</c> and its
/// registry at <c>/v2/</c>, reached through <see cref="LocalClusterMirrors"/> as the sample environments reach them offline.
/// </summary>
public sealed class LocalClusterMirrorTests : IAsyncLifetime
{
    private readonly HttpClient _client = new();
    private ClusterFixture _cluster = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
        => _cluster = await ClusterFixture.StartAsync(options => options with
        {
            ChartMirrorDirectory = Path.Combine(RepositoryPaths.Root, ChartMirror.RelativeRoot),
            SeedImages = ["registry.local/web:1.0.0", "registry.local/web:2.0.0"],
        });

    public async ValueTask DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _client.Dispose();
    }

    [Fact]
    public async Task Charts_and_images_resolve_through_the_local_clusters_mirrors()
    {
        MirrorMap mirrors = LocalClusterMirrors.For(_cluster.Cluster.BaseAddress);
        string server = _cluster.Cluster.BaseAddress.GetLeftPart(UriPartial.Authority);

        ResolvedChart chart = await new HelmChartResolver(_client, mirrors)
            .ResolveAsync(new ChartRequest("ingress-nginx", "https://kubernetes.github.io/ingress-nginx", "~4.11.0"), Ct);
        ResolvedImage image = await new OciImageResolver(_client, mirrors).ResolveAsync(new ImageRequest("registry.local/web", "2.0.0"), Ct);
        SlipwayException missing = await Should.ThrowAsync<SlipwayException>(() => new OciImageResolver(_client, mirrors).ResolveAsync(new ImageRequest("registry.local/web", "3.0.0"), Ct));

        chart.ShouldBe(new ResolvedChart("ingress-nginx", "https://kubernetes.github.io/ingress-nginx", "~4.11.0", "4.11.3", $"{server}/charts/kubernetes.github.io/ingress-nginx/index.yaml"));
        image.ShouldBe(new ResolvedImage("registry.local/web", "2.0.0", OciManifest.Digest(OciManifest.Build("registry.local/web", "2.0.0")), $"{server}/v2/web/manifests/2.0.0"));
        missing.Kind.ShouldBe(FailureKind.Input);
        missing.Message.ShouldContain("tag not found");
    }
}
