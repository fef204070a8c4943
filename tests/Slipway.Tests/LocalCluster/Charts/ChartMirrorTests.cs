using Slipway.Freezing.Charts;
using Slipway.LocalCluster.Charts;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Charts;

/// <summary>The chart mirror: folders per repository URL, the committed mirror, and what PublishChart writes.</summary>
public sealed class ChartMirrorTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("https://kubernetes.github.io/ingress-nginx", "kubernetes.github.io/ingress-nginx")]
    [InlineData("https://Charts.Example.com/apps/", "charts.example.com/apps")]
    [InlineData("http://127.0.0.1:8080/charts", "127.0.0.1_8080/charts")]
    [InlineData("oci://ghcr.io/stefanprodan/charts", "ghcr.io/stefanprodan/charts")]
    [InlineData("ftp://example.com/charts", null)]
    [InlineData("charts", null)]
    [InlineData("https://example.com/a b", null)]
    public void Repository_urls_map_to_one_folder_each(string url, string? key) => ChartMirror.KeyOf(url).ShouldBe(key);

    /// <summary>The committed mirror is valid and holds every chart version the sample environments pin.</summary>
    [Theory]
    [InlineData("kubernetes.github.io/ingress-nginx", "ingress-nginx", "4.11.3")]
    [InlineData("prometheus-community.github.io/helm-charts", "kube-prometheus-stack", "65.1.1")]
    [InlineData("stefanprodan.github.io/podinfo", "podinfo", "6.7.1")]
    public async Task Committed_mirror_holds_the_sample_chart_versions(string key, string chart, string version)
    {
        var mirror = new ChartMirror(Path.Combine(RepositoryPaths.Root, ChartMirror.RelativeRoot));

        (string text, string path) = (await mirror.ReadAsync(key, Ct)).ShouldNotBeNull();

        ChartIndex index = ChartIndex.Parse(text, path);
        index.Versions(chart).ShouldNotBeNull().ShouldContain(e => e.Version == version && e.Urls.Count == 1 && e.Digest != null);
    }

    [Fact]
    public async Task Publish_adds_versions_newest_first_and_keeps_the_header()
    {
        var mirror = new ChartMirror(_directory.Path);
        DateTimeOffset now = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

        await ChartPublisher.PublishAsync(mirror, "https://charts.example.com/apps", "web", "1.2.0", now, Ct);
        string path = await ChartPublisher.PublishAsync(mirror, "https://charts.example.com/apps", "web", "1.10.0", now, Ct);
        await ChartPublisher.PublishAsync(mirror, "https://charts.example.com/apps", "api", "0.1.0-rc.1", now, Ct);

        path.ShouldBe(Path.Combine(_directory.Path, "charts.example.com", "apps", "index.yaml"));
        string text = await File.ReadAllTextAsync(path, Ct);
        text.ShouldStartWith("# Helm repository https://charts.example.com/apps");
        ChartIndex index = ChartIndex.Parse(text, path);
        index.ApiVersion.ShouldBe("v1");
        index.Charts.ShouldBe(["api", "web"]);
        index.Versions("web")!.Select(e => e.Version).ShouldBe(["1.10.0", "1.2.0"]);
        ChartEntry entry = index.Versions("web")![0];
        entry.Created.ShouldBe("2025-01-02T03:04:05.0000000Z");
        entry.Urls.ShouldBe(["https://charts.example.com/apps/web-1.10.0.tgz"]);
        entry.Digest!.Length.ShouldBe(64);
        Directory.GetFiles(Path.GetDirectoryName(path)!).ShouldBe([path]);
    }

    [Theory]
    [InlineData("entries: {}\n", 1, "no API version specified")]
    [InlineData("apiVersion: v1\nentries:\n  web:\n    version: 1.0.0\n", 4, "entries.web must be a list of chart versions")]
    [InlineData("apiVersion: v1\nentries:\n  web:\n  - name: web\n    version: one\n", 5, "version 'one' is not a semantic version")]
    [InlineData("apiVersion: v1\nentries:\n  web:\n  - name: web\n    appVersion: 1\n", 4, "a chart version has no version")]
    [InlineData("apiVersion: v1\nentries:\n  web:\n  - name: api\n    version: 1.0.0\n", 4, "is named 'api'")]
    [InlineData("apiVersion: v1\nentries: [\n", 3, "not valid YAML")]
    public void Malformed_index_names_the_file_and_line(string yaml, int line, string problem)
    {
        var error = Should.Throw<ChartIndexException>(() => ChartIndex.Parse(yaml, "local-cluster/charts/x/index.yaml"));

        error.Message.ShouldStartWith($"local-cluster/charts/x/index.yaml:{line}: ");
        error.Message.ShouldContain(problem);
    }

    public void Dispose() => _directory.Dispose();
}
