using System.Text.Json.Nodes;
using Slipway.Freezing.Charts;
using Slipway.LocalCluster.Charts;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Store;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Controllers.Flux;

/// <summary>
/// HelmRepository and HelmRelease objects against the chart mirror served over HTTP: a mirrored repository is Ready with
/// its index as the artifact; an unmirrored one fails honestly; a HelmRelease gets the chart version the index has (exact
/// or range), and Flux's failure with the nearest versions when it does not — never "install succeeded".
/// </summary>
public sealed class ChartRepositoryTests
{
    private const string Url = HelmReleaseControllerTests.ChartsUrl;
    private static readonly ResourceType s_repository = KnownResourceTypes.HelmRepository;
    private static readonly ResourceType s_release = KnownResourceTypes.HelmRelease;

    [Fact]
    public async Task Mirrored_repository_is_ready_with_its_index_as_the_artifact()
    {
        await using var cluster = new ControllersFixture();
        await cluster.AddChartRepositoryAsync(Url, "web", ["1.2.0", "1.3.0"]);

        JsonObject repository = await WaitForReady(cluster, s_repository, "charts", "True", "Succeeded");

        string revision = repository.Str("status", "artifact", "revision")!;
        revision.ShouldStartWith("sha256:");
        Ready(repository).Str("message").ShouldBe($"stored artifact: revision '{revision}'");
        string artifact = new Uri(repository.Str("status", "artifact", "url")!).LocalPath;
        ChartIndex.Parse(await File.ReadAllTextAsync(artifact, TestContext.Current.CancellationToken), artifact).Versions("web")!.Select(e => e.Version).ShouldBe(["1.3.0", "1.2.0"]);
        repository.Str("status", "url").ShouldBe($"{cluster.Options.ChartRepositoryAddress}charts/charts.example.com/apps/index.yaml");
        using var http = new HttpClient();
        string served = await http.GetStringAsync(repository.Str("status", "url"), TestContext.Current.CancellationToken);
        served.ShouldContain("version: \"1.3.0\"");
    }

    [Fact]
    public async Task Unmirrored_repository_is_not_ready_and_names_the_command_that_mirrors_it()
    {
        await using var cluster = new ControllersFixture();
        cluster.Create(s_repository, ControllersFixture.HelmRepository("podinfo", "flux-system", "https://nowhere.example.org/charts"));

        JsonObject repository = await WaitForReady(cluster, s_repository, "podinfo", "False", "Failed");

        Ready(repository).Str("message").ShouldBe(
            "failed to fetch Helm repository index: failed to cache index to temporary file: https://nowhere.example.org/charts/index.yaml is not reachable from the local cluster "
            + "(it has no network and does not mirror https://nowhere.example.org/charts); mirror a chart of it with: ./build.sh PublishChart --repository https://nowhere.example.org/charts --chart NAME --version VERSION");
        Conditions.Find(repository.Obj("status")!, "FetchFailed")!.Str("status").ShouldBe("True");
        repository.At("status", "artifact").ShouldBeNull();
    }

    [Fact]
    public async Task Malformed_mirror_index_fails_indexation_naming_the_file_and_line()
    {
        await using var cluster = new ControllersFixture();
        string index = cluster.Charts.IndexPath("charts.example.com/broken");
        Directory.CreateDirectory(Path.GetDirectoryName(index)!);
        await File.WriteAllTextAsync(index, "apiVersion: v1\nentries:\n  web:\n  - name: web\n    version: one\n", TestContext.Current.CancellationToken);
        cluster.Create(s_repository, ControllersFixture.HelmRepository("broken", "flux-system", "https://charts.example.com/broken"));

        JsonObject repository = await WaitForReady(cluster, s_repository, "broken", "False", "IndexationFailed");

        Ready(repository).Str("message").ShouldBe($"failed to load Helm repository from index YAML: {index}:5: entries.web: version 'one' is not a semantic version");
    }

    [Theory]
    [InlineData("1.2.0", "1.2.0")]
    [InlineData(">=1.2 <2", "1.10.0")]
    [InlineData("~1.2", "1.2.5")]
    [InlineData("^1.2.1", "1.10.0")]
    [InlineData("1.2.x", "1.2.5")]
    [InlineData("*", "1.10.0")]
    public async Task Release_installs_the_version_the_index_resolves(string version, string resolved)
    {
        await using var cluster = new ControllersFixture();
        await cluster.AddChartRepositoryAsync(Url, "web", ["1.2.0", "1.2.5", "1.10.0", "2.0.0-rc.1"]);

        cluster.Create(s_release, Release(version));

        JsonObject release = await WaitForReady(cluster, s_release, "web", "True", "InstallSucceeded");
        release.Str("status", "lastAttemptedRevision").ShouldBe(resolved);
        release.Str("status", "helmChart").ShouldBe("flux-system/flux-system-web");
        cluster.Get(KnownResourceTypes.Deployment, "apps", "web")!.Str("metadata", "labels", "helm.sh/chart").ShouldBe($"web-{resolved}");
    }

    [Theory]
    [InlineData("web", "99.99.99", "invalid chart reference: failed to get chart version for remote reference: no 'web' chart with version matching '99.99.99' found (nearest available: 1.10.0, 1.2.5, 1.2.0)")]
    [InlineData("web", "~1.3", "no 'web' chart with version matching '~1.3' found (nearest available: 1.10.0, 1.2.5, 1.2.0)")]
    [InlineData("does-not-exist", "1.0.0", "invalid chart reference: failed to get chart version for remote reference: no chart name found ('does-not-exist'; charts in the index: web)")]
    public async Task Release_of_a_chart_or_version_the_index_lacks_is_not_ready(string chart, string version, string message)
    {
        await using var cluster = new ControllersFixture();
        await cluster.AddChartRepositoryAsync(Url, "web", ["1.2.0", "1.2.5", "1.10.0"]);

        cluster.Create(s_release, Release(version, chart));

        JsonObject release = await Eventually.Until(() => cluster.Get(s_release, "flux-system", "web")!, r => Ready(r).Str("message")?.EndsWith(message, StringComparison.Ordinal) == true, "the resolution failure");
        Ready(release).Str("status").ShouldBe("False");
        Ready(release).Str("reason").ShouldBe("HelmChartNotReady");
        Ready(release).Str("message").ShouldStartWith("HelmChart 'flux-system/flux-system-web' is not ready: ");
        release.At("status", "history").ShouldBeNull();
        cluster.Get(KnownResourceTypes.Deployment, "apps", "web").ShouldBeNull();
    }

    [Fact]
    public async Task Release_from_a_missing_or_unreachable_repository_is_not_ready()
    {
        await using var cluster = new ControllersFixture();
        cluster.Create(s_release, Release("1.0.0"));
        cluster.Create(s_release, Release("1.0.0", name: "far", repository: "far"));
        cluster.Create(s_repository, ControllersFixture.HelmRepository("far", "flux-system", "https://nowhere.example.org/charts"));

        JsonObject missing = await WaitForReady(cluster, s_release, "web", "False", "HelmChartNotReady");
        JsonObject far = await Eventually.Until(() => cluster.Get(s_release, "flux-system", "far")!, r => Ready(r).Str("message")?.Contains("not reachable", StringComparison.Ordinal) == true, "the unreachable repository named");

        Ready(missing).Str("message").ShouldBe("HelmChart 'flux-system/flux-system-web' is not ready: failed to get source: HelmRepository.source.toolkit.fluxcd.io \"charts\" not found");
        Ready(far).Str("message")!.ShouldStartWith("HelmChart 'flux-system/flux-system-far' is not ready: no artifact available for HelmRepository source 'far' (failed to fetch Helm repository index");
        Ready(far).Str("reason").ShouldBe("HelmChartNotReady");
    }

    [Fact]
    public async Task Published_version_is_installed_once_the_repository_fetches_it_again()
    {
        await using var cluster = new ControllersFixture();
        await cluster.AddChartRepositoryAsync(Url, "web", ["1.2.0"]);
        cluster.Create(s_release, Release("1.3.0"));
        await Eventually.Until(() => cluster.Get(s_release, "flux-system", "web")!, r => Ready(r).Str("message")?.Contains("no 'web' chart with version matching '1.3.0' found", StringComparison.Ordinal) == true, "1.3.0 not found");

        await ChartPublisher.PublishAsync(cluster.Charts, Url, "web", "1.3.0", DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);
        KustomizationControllerTests.RequestReconcile(cluster, s_repository, "charts", "published");

        JsonObject release = await WaitForReady(cluster, s_release, "web", "True", "InstallSucceeded");
        release.Str("status", "lastAttemptedRevision").ShouldBe("1.3.0");
    }

    internal static string Release(string version, string chart = "web", string name = "web", string repository = "charts") => new JsonObject
    {
        ["apiVersion"] = "helm.toolkit.fluxcd.io/v2",
        ["kind"] = "HelmRelease",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "flux-system" },
        ["spec"] = new JsonObject
        {
            ["interval"] = "5m",
            ["targetNamespace"] = "apps",
            ["releaseName"] = name,
            ["chart"] = new JsonObject { ["spec"] = new JsonObject { ["chart"] = chart, ["version"] = version, ["sourceRef"] = new JsonObject { ["kind"] = "HelmRepository", ["name"] = repository } } },
        },
    }.ToJsonString();

    internal static JsonObject Ready(JsonObject obj) => Conditions.Find(obj.Obj("status") ?? [], "Ready") ?? [];

    internal static Task<JsonObject> WaitForReady(ControllersFixture cluster, ResourceType type, string name, string status, string reason)
        => Eventually.Until(
            () => cluster.Get(type, "flux-system", name)!,
            r => r is not null && Ready(r).Str("status") == status && Ready(r).Str("reason") == reason,
            $"{type.Kind} {name} Ready={status} {reason}");
}
