using System.Text;
using Slipway.Environments;
using Slipway.Environments.Yaml;
using Slipway.Tests.Support;

namespace Slipway.Tests.Environments.Yaml;

/// <summary>
/// The fast scanner must build exactly the tree YamlDotNet's path builds (keys, values, quoting, lines and columns,
/// diagnostics) for every text it accepts, and refuse every text outside its subset so YamlDotNet reads it.
/// </summary>
public sealed class PlainYamlScannerTests
{
    private const string File = "environments/x/env.yaml";

    [Theory]
    [InlineData("a: 1\n")]
    [InlineData("a: 1")]
    [InlineData("a: 1\n\n  \n")]
    [InlineData("a:\n  b: 1\n  # trailing comment")]
    [InlineData("# comment\n\nextends: [base, ha]\ndescription: generated environment 0\n")]
    [InlineData("apps:\n  web:\n    tag: v1\n    replicas: 2\n  api:\n    image: registry.local/api\nz: https://a.b/c?x=1&y=2\n")]
    [InlineData("a:\n    deep:\n        deeper: x\n    back: y\nb: z\n")]
    [InlineData("a:\n  # comment at any indent\n      # another\n  b: 1\n\n\n  c: 2\n# end\n")]
    [InlineData("extends: []\nother: [ a , b ]\nx: [a,b]\n")]
    [InlineData("url: ${env:DB_PASSWORD}@db:5432\npath: ${file:~/secret}\nbraces: a{b}c[d],e\nquote: it's \"fine\"\nhash: a#b\n")]
    [InlineData("n: ~\nm: null\nt: true\nf: 1.5e3\ne: =x\nk.with/slash-and_dash: v\n_under: 0x1F\n")]
    [InlineData("spaces: a  b   c\ncolon: a:b:c\nlt: <none>\n")]
    [InlineData("a: 1\nb:\n  c: 1\n  c: 2\n  d:\n    e: 1\n  d: 3\na: 2\n")]
    public void Builds_the_tree_YamlDotNet_builds(string yaml)
    {
        AssertSameTree(yaml);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("a: 'quoted'\n")]
    [InlineData("a: \"quoted\"\n")]
    [InlineData("a: 1 # trailing comment\n")]
    [InlineData("a: 1 \n")]
    [InlineData("a:\n")]
    [InlineData("a:\nb: 1\n")]
    [InlineData("a:\n- x\n")]
    [InlineData("a:\n  - x\n")]
    [InlineData("a: |\n  text\n")]
    [InlineData("a: >\n  text\n")]
    [InlineData("a: plain\n  continued\n")]
    [InlineData("a: &x 1\nb: *x\n")]
    [InlineData("a: !append [x]\n")]
    [InlineData("a: -1\n")]
    [InlineData("a: {b: 1}\n")]
    [InlineData("a: [b, [c]]\n")]
    [InlineData("a: [b, ]\n")]
    [InlineData("a: [b] \n")]
    [InlineData("a: b: c\n")]
    [InlineData("a:b\n")]
    [InlineData("a :b\n")]
    [InlineData("\"a\": 1\n")]
    [InlineData("my key: 1\n")]
    [InlineData("a: 1\n---\nb: 2\n")]
    [InlineData("---\na: 1\n")]
    [InlineData("%YAML 1.2\n---\na: 1\n")]
    [InlineData("  a: 1\n")]
    [InlineData("a:\n    b: 1\n  c: 2\n")]
    [InlineData("a: 1\n  b: 2\n")]
    [InlineData("a: 1\r\nb: 2\r\n")]
    [InlineData("a:\tb\n")]
    [InlineData("a: caf\u00e9\n")]
    [InlineData("\ufeffa: 1\n")]
    [InlineData("? a\n: 1\n")]
    [InlineData("plain scalar\n")]
    public void Leaves_everything_else_to_YamlDotNet(string yaml)
    {
        Refuses(yaml);
    }

    [Fact]
    public void Refuses_keys_longer_than_YAML_allows()
    {
        Refuses(new string('k', 1100) + ": 1\n");
    }

    [Fact]
    public void Refuses_nesting_near_the_depth_limit()
    {
        var yaml = new StringBuilder();
        for (int depth = 0; depth < YamlTreeReader.MaxDepth; depth++)
        {
            yaml.Append(' ', depth).Append("k:\n");
        }

        Refuses(yaml.Append(' ', YamlTreeReader.MaxDepth).Append("k: v\n").ToString());
    }

    [Fact]
    public void Reads_the_sample_environments_as_YamlDotNet_does()
    {
        string[] files = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "environments"), "*.yaml", SearchOption.AllDirectories);

        files.ShouldNotBeEmpty();
        foreach (string file in files)
        {
            AssertSameTree(System.IO.File.ReadAllText(file), requireFastPath: false);
        }
    }

    [Fact]
    public void Reads_a_large_generated_environment_as_YamlDotNet_does()
    {
        var yaml = new StringBuilder("# yaml-language-server: $schema=../schema.json\nextends: [base]\ncluster:\n  local: true\nplatform:\n  releases:\n");
        for (int r = 0; r < 20; r++)
        {
            yaml.Append($"    release-{r:00}:\n      chart: chart-{r}\n      repository: https://charts.example.com/{r}\n      version: 1.{r}.3\n      values:\n");
            for (int k = 0; k < 30; k++)
            {
                yaml.Append($"        setting{k:00}: {(k % 3 == 0 ? "true" : k % 3 == 1 ? k.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"text {k}")}\n");
            }
        }

        AssertSameTree(yaml.ToString());
    }

    [Fact]
    public void Reused_buffers_read_each_file_as_a_fresh_scanner_does()
    {
        // As the catalog reads a repository: one set of buffers for all files, texts it refuses half-way in between.
        string[] texts =
        [
            "a: 1\nb:\n  c: 1\n  c: 2\n  d:\n    e: 1\n  d: 3\na: 2\n",
            "a:\n  b:\n    c: 1\n    d: [x, y\n",
            "a:\n    b: 1\n  c: 2\n",
            "apps:\n  web:\n    tag: v1\n    replicas: 2\n  api:\n    image: registry.local/api\nz: https://a.b/c?x=1&y=2\n",
            "a: 1\nb:\n  c: 1\n  c: 2\n  d:\n    e: 1\n  d: 3\na: 2\n",
            "extends: [base, ha]\nb:\n  a: 1\n  b:\n    a: 2\n",
        ];
        var buffers = new YamlScanBuffers();

        foreach (string yaml in texts)
        {
            var diagnostics = new List<Diagnostic>();
            ConfigMapping? reused = PlainYamlScanner.TryRead(yaml, File, diagnostics, buffers);
            var freshDiagnostics = new List<Diagnostic>();
            ConfigMapping? fresh = PlainYamlScanner.TryRead(yaml, File, freshDiagnostics);
            if (fresh is null)
            {
                reused.ShouldBeNull(yaml);
                continue;
            }

            var actual = new StringBuilder();
            var expected = new StringBuilder();
            Describe(reused.ShouldNotBeNull(yaml), actual, 0);
            Describe(YamlTreeReader.ReadWithYamlDotNet(yaml, File, []).Root!, expected, 0);
            actual.ToString().ShouldBe(expected.ToString());
            diagnostics.ShouldBe(freshDiagnostics);
        }

        buffers.Entries.ShouldBeEmpty();
        buffers.Open.ShouldBeEmpty();
    }

    private static void Refuses(string yaml)
    {
        var diagnostics = new List<Diagnostic>();
        PlainYamlScanner.TryRead(yaml, File, diagnostics).ShouldBeNull();
        diagnostics.ShouldBeEmpty();
    }

    private static void AssertSameTree(string yaml, bool requireFastPath = true)
    {
        var diagnostics = new List<Diagnostic>();
        ConfigMapping? fast = PlainYamlScanner.TryRead(yaml, File, diagnostics);
        if (fast is null)
        {
            requireFastPath.ShouldBeFalse($"the fast path refused:\n{yaml}");
            return;
        }

        YamlReadResult expected = YamlTreeReader.ReadWithYamlDotNet(yaml, File, []);
        var actual = new StringBuilder();
        var reference = new StringBuilder();
        Describe(fast, actual, 0);
        Describe(expected.Root!, reference, 0);
        actual.ToString().ShouldBe(reference.ToString());
        diagnostics.ShouldBe(expected.Diagnostics);
    }

    private static void Describe(ConfigNode node, StringBuilder text, int depth)
    {
        switch (node)
        {
            case ConfigMapping mapping:
                text.Append($"mapping {mapping.Count} at {mapping.Location}:{mapping.Location.Column}\n");
                foreach (ConfigEntry entry in mapping.Entries)
                {
                    text.Append(' ', depth * 2).Append($"'{entry.Key}' at {entry.KeyLocation}:{entry.KeyLocation.Column} (previous {entry.Previous is not null}) = ");
                    Describe(entry.Value, text, depth + 1);
                }

                break;
            case ConfigSequence sequence:
                text.Append($"list {sequence.Items.Count} append {sequence.Append} at {sequence.Location}:{sequence.Location.Column}\n");
                foreach (ConfigNode item in sequence.Items)
                {
                    text.Append(' ', depth * 2).Append("- ");
                    Describe(item, text, depth + 1);
                }

                break;
            case ConfigScalar scalar:
                text.Append($"scalar '{scalar.Value}' quoted {scalar.Quoted} null {scalar.IsNull} at {scalar.Location}:{scalar.Location.Column}\n");
                break;
        }
    }
}
