using Slipway.LocalCluster.Hosting;
using Slipway.LocalCluster.Images;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Hosting;

public sealed class LocalClusterCommandsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Publish_image_adds_to_the_catalogue_and_says_what_it_published()
    {
        var log = new RecordingLog();
        string catalog = new LocalClusterOptions { StateDirectory = new SlipwayPaths(_directory.Path).LocalCluster }.ResolvedImageCatalogPath;

        ImageEntry entry = await LocalClusterCommands.PublishImageAsync(catalog, "web", "staging-123", crash: false, log, TestContext.Current.CancellationToken);

        entry.Reference.ShouldBe("registry.local/web:staging-123");
        new ImageCatalog(catalog).Lookup("web:staging-123").ShouldBe(ImageStatus.Present);
        log.Lines.ShouldBe([$"info: Published registry.local/web:staging-123 ({entry.Digest}) to {catalog}."]);
    }

    [Theory]
    [InlineData("", "1", "--image")]
    [InlineData("web", " ", "--tag")]
    public async Task Publish_image_names_the_missing_parameter(string image, string tag, string parameter)
    {
        SlipwayException error = await Should.ThrowAsync<SlipwayException>(
            () => LocalClusterCommands.PublishImageAsync(Path.Combine(_directory.Path, "images.yaml"), image, tag, crash: false, new RecordingLog(), TestContext.Current.CancellationToken));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldContain(parameter);
    }
}
