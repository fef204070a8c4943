using Slipway.Environments.Yaml;

namespace Slipway.Tests.Environments.Yaml;

public sealed class ConfigPathTests
{
    [Theory]
    [InlineData("apps.web.tag", new[] { "apps", "web", "tag" })]
    [InlineData("values[\"docker.io\"]", new[] { "values", "docker.io" })]
    [InlineData("values['a.b'].c", new[] { "values", "a.b", "c" })]
    [InlineData("values[\"a\\\"b\"][\"x.y\"]", new[] { "values", "a\"b", "x.y" })]
    public void Parses_dotted_and_bracketed_keys(string path, string[] keys)
        => ConfigPath.Parse(path).ShouldBe(keys);

    [Theory]
    [InlineData("values[\"docker.io")]
    [InlineData("values['x'")]
    public void Unclosed_brackets_are_not_paths(string path) => ConfigPath.Parse(path).ShouldBeNull();

    [Theory]
    [InlineData(new[] { "apps", "web" }, "apps.web")]
    [InlineData(new[] { "values", "docker.io", "x" }, "values[\"docker.io\"].x")]
    [InlineData(new[] { "a", "q\"x.y" }, "a[\"q\\\"x.y\"]")]
    public void Formats_and_reads_back(string[] keys, string path)
    {
        ConfigPath.Format(keys).ShouldBe(path);
        ConfigPath.Parse(path).ShouldBe(keys);
    }
}
