using System.Net;
using System.Text.Json;
using Slipway.LocalCluster.Images;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Images;

public sealed class ImageCatalogTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Published_images_are_present_crashing_or_missing()
    {
        var catalog = new ImageCatalog(Path.Combine(_directory.Path, "images.yaml"));

        ImageEntry web = await catalog.PublishAsync("web", "staging-123", crash: false, Ct);
        await catalog.PublishAsync("registry.local/api", "1.0", crash: true, Ct);

        web.Repository.ShouldBe("registry.local/web");
        web.Digest.ShouldMatch("^sha256:[0-9a-f]{64}$");
        catalog.Lookup("registry.local/web:staging-123").ShouldBe(ImageStatus.Present);
        catalog.Lookup("web:staging-123").ShouldBe(ImageStatus.Present);
        catalog.Lookup($"registry.local/web@{web.Digest}").ShouldBe(ImageStatus.Present);
        catalog.Lookup("api:1.0").ShouldBe(ImageStatus.Crashing);
        catalog.Lookup("web:staging-124").ShouldBe(ImageStatus.Missing);
        catalog.Lookup("docker.io/library/nginx:1.25").ShouldBe(ImageStatus.Missing);
    }

    [Fact]
    public async Task The_file_is_yaml_and_another_writer_is_seen()
    {
        string path = Path.Combine(_directory.Path, "images.yaml");
        var reader = new ImageCatalog(path);
        reader.Lookup("web:1").ShouldBe(ImageStatus.Missing);

        ImageEntry published = await new ImageCatalog(path).PublishAsync("web", "1", crash: false, Ct);

        reader.Lookup("web:1").ShouldBe(ImageStatus.Present);
        string yaml = await File.ReadAllTextAsync(path, Ct);
        yaml.ShouldContain("images:");
        yaml.ShouldContain("repository: registry.local/web");
        yaml.ShouldContain($"digest: {published.Digest}");
        yaml.ShouldContain("crash: false");
    }

    [Fact]
    public async Task The_digest_is_deterministic_and_republishing_replaces()
    {
        var catalog = new ImageCatalog(Path.Combine(_directory.Path, "images.yaml"));
        ImageEntry first = await catalog.PublishAsync("web", "1", crash: false, Ct);

        ImageEntry again = await catalog.PublishAsync("web", "1", crash: true, Ct);

        again.Digest.ShouldBe(first.Digest);
        catalog.Images.Count.ShouldBe(1);
        catalog.Lookup("web:1").ShouldBe(ImageStatus.Crashing);
    }

    [Theory]
    [InlineData("web", "")]
    [InlineData("web", "a:b")]
    [InlineData("", "1")]
    public async Task Publishing_a_bad_reference_is_an_input_error(string repository, string tag)
    {
        var catalog = new ImageCatalog(Path.Combine(_directory.Path, "images.yaml"));

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => catalog.PublishAsync(repository, tag, crash: false, Ct));

        error.Kind.ShouldBe(FailureKind.Input);
    }

    [Fact]
    public async Task The_cluster_serves_oci_manifests_and_tags()
    {
        await using ClusterFixture fixture = await ClusterFixture.StartAsync(o => o with { SeedImages = ["registry.local/web:1.0"] });
        ImageEntry published = await fixture.Cluster.Images.PublishAsync("web", "2.0", crash: false, Ct);
        using var http = new HttpClient { BaseAddress = fixture.Cluster.BaseAddress };

        using HttpResponseMessage manifest = await http.GetAsync("/v2/web/manifests/2.0", Ct);
        using HttpResponseMessage head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/v2/web/manifests/1.0"), Ct);
        using HttpResponseMessage byDigest = await http.GetAsync($"/v2/web/manifests/{published.Digest}", Ct);
        using HttpResponseMessage missing = await http.GetAsync("/v2/web/manifests/9.9", Ct);
        using JsonDocument tags = JsonDocument.Parse(await http.GetStringAsync("/v2/web/tags/list", Ct));

        manifest.StatusCode.ShouldBe(HttpStatusCode.OK);
        manifest.Headers.GetValues("Docker-Content-Digest").Single().ShouldBe(published.Digest);
        manifest.Content.Headers.ContentType!.MediaType.ShouldBe(OciManifest.MediaType);
        OciManifest.Digest(await manifest.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(published.Digest);
        head.StatusCode.ShouldBe(HttpStatusCode.OK);
        head.Headers.GetValues("Docker-Content-Digest").Single().ShouldStartWith("sha256:");
        byDigest.StatusCode.ShouldBe(HttpStatusCode.OK);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await missing.Content.ReadAsStringAsync(Ct)).ShouldContain("MANIFEST_UNKNOWN");
        tags.RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["1.0", "2.0"]);
    }
}
