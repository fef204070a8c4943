using System.Text;
using Slipway.Environments.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Slipway.Tests.Environments.Yaml;

/// <summary>
/// The fast scanner must produce exactly YamlDotNet's events (kind, value, style, start mark) for every text it accepts,
/// and refuse every text outside its subset so YamlDotNet reads it.
/// </summary>
public sealed class PlainYamlScannerTests
{
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
    public void Produces_the_events_YamlDotNet_produces(string yaml)
    {
        AssertSameEvents(yaml);
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
        PlainYamlScanner.TryScan(yaml).ShouldBeNull();
    }

    [Fact]
    public void Refuses_keys_longer_than_YAML_allows()
    {
        PlainYamlScanner.TryScan(new string('k', 1100) + ": 1\n").ShouldBeNull();
    }

    [Fact]
    public void Reads_the_sample_environments_as_YamlDotNet_does()
    {
        string[] files = Directory.GetFiles(Path.Combine(RepositoryRoot.Find(), "environments"), "*.yaml", SearchOption.AllDirectories);

        files.ShouldNotBeEmpty();
        foreach (string file in files)
        {
            AssertSameEvents(File.ReadAllText(file), requireFastPath: false);
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

        AssertSameEvents(yaml.ToString());
    }

    private static void AssertSameEvents(string yaml, bool requireFastPath = true)
    {
        List<ParsingEvent>? fast = PlainYamlScanner.TryScan(yaml);
        if (fast is null)
        {
            requireFastPath.ShouldBeFalse($"the fast path refused:\n{yaml}");
            return;
        }

        var expected = new List<ParsingEvent>();
        var parser = new Parser(new StringReader(yaml));
        while (parser.MoveNext())
        {
            expected.Add(parser.Current!);
        }

        fast.Select(Describe).ShouldBe(expected.Select(Describe));
    }

    private static string Describe(ParsingEvent e) => e switch
    {
        Scalar s => $"Scalar '{s.Value}' {s.Style} tag={s.Tag} anchor={s.Anchor} plain={s.IsPlainImplicit} quoted={s.IsQuotedImplicit} at {At(s.Start)}-{At(s.End)}",
        MappingStart m => $"MappingStart {m.Style} implicit={m.IsImplicit} tag={m.Tag} at {At(m.Start)}",
        SequenceStart q => $"SequenceStart {q.Style} implicit={q.IsImplicit} tag={q.Tag} at {At(q.Start)}",
        DocumentStart d => $"DocumentStart implicit={d.IsImplicit} at {At(d.Start)}",
        _ => $"{e.GetType().Name} at {At(e.Start)}",
    };

    private static string At(Mark mark) => $"{mark.Line}:{mark.Column}#{mark.Index}";
}
