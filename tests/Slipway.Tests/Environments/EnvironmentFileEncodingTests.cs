using System.Text;
using Slipway.Environments;
using Slipway.Environments.Yaml;

namespace Slipway.Tests.Environments;

/// <summary>The loader reads UTF-8 files itself (for speed); a BOM and other encodings must read as File.ReadAllText reads them.</summary>
public sealed class EnvironmentFileEncodingTests : IDisposable
{
    private readonly TempRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16")]
    [InlineData("utf-32")]
    public async Task Env_files_read_the_same_in_every_encoding_a_reader_detects(string encoding)
    {
        Encoding chosen = encoding switch
        {
            "utf-8" => new UTF8Encoding(false),
            "utf-8-bom" => new UTF8Encoding(true),
            "utf-16" => Encoding.Unicode,
            _ => Encoding.UTF32,
        };
        string path = Path.Combine(_repository.Root, "environments", "dev", "env.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "description: café menu\ncluster:\n  local: true\n", chosen, TestContext.Current.CancellationToken);

        EnvironmentCatalog catalog = await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken);
        ResolvedEnvironment dev = catalog.Resolve("dev");

        dev.Diagnostics.ShouldBeEmpty();
        ((ConfigScalar)dev.Find("description")!.Value).Value.ShouldBe("café menu");
        dev.Find("cluster.local")!.KeyLocation.ShouldBe(new SourceLocation("environments/dev/env.yaml", 3, 3));
    }

    [Fact]
    public async Task Large_plain_env_files_read_the_same_as_through_YamlDotNet()
    {
        var yaml = new StringBuilder("description: generated\nplatform:\n  releases:\n");
        for (int r = 0; r < 50; r++)
        {
            yaml.Append($"    release-{r:00}:\n      chart: chart-{r}\n      values:\n        enabled: true\n        size: {r}\n");
        }

        _repository.Write("big/env.yaml", yaml.ToString());

        EnvironmentCatalog catalog = await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken);
        ConfigMapping fast = catalog.Layers["big"].Documents.ShouldHaveSingleItem();
        YamlReadResult reference = YamlTreeReader.ReadWithYamlDotNet(yaml.ToString(), "environments/big/env.yaml", []);

        string expected = ConfigPrinter.Print(new ResolvedEnvironment("big", ["big"], (ConfigMapping)reference.Root!, []));

        ConfigPrinter.Print(new ResolvedEnvironment("big", ["big"], fast, [])).ShouldBe(expected);
        expected.ShouldContain("environments/big/env.yaml:");
    }
}
