using System.Diagnostics;
using System.Text;
using Slipway.Environments;
using Slipway.Environments.Yaml;

namespace Slipway.Tests.Environments.Yaml;

public sealed class YamlTreeReaderTests
{
    private const string File = "environments/x/env.yaml";

    [Fact]
    public void Records_line_and_column_of_keys_and_values()
    {
        YamlReadResult result = YamlTreeReader.Read("apps:\n  web:\n    tag: v1\n    replicas: 2\n", File);

        result.Diagnostics.ShouldBeEmpty();
        var root = (ConfigMapping)result.Root!;
        ConfigEntry tag = root.Find("apps.web.tag")!;
        tag.KeyLocation.ShouldBe(new SourceLocation(File, 3, 5));
        tag.Value.Location.ShouldBe(new SourceLocation(File, 3, 10));
        ((ConfigScalar)tag.Value).Value.ShouldBe("v1");
        root.Find("apps.web.replicas")!.KeyLocation.Line.ShouldBe(4);
    }

    [Fact]
    public void Keeps_quoting_so_strings_that_look_like_numbers_stay_strings()
    {
        var root = (ConfigMapping)YamlTreeReader.Read("a: '1'\nb: 1\nc: ~\nd: \"\"\n", File).Root!;

        ((ConfigScalar)root.Get("a")!).Quoted.ShouldBeTrue();
        ((ConfigScalar)root.Get("b")!).Quoted.ShouldBeFalse();
        ((ConfigScalar)root.Get("c")!).IsNull.ShouldBeTrue();
        ((ConfigScalar)root.Get("d")!).IsNull.ShouldBeFalse();
    }

    [Fact]
    public void Append_tag_marks_a_list()
    {
        var root = (ConfigMapping)YamlTreeReader.Read("branches: !append [a, b]\nother: [c]\n", File).Root!;

        ((ConfigSequence)root.Get("branches")!).Append.ShouldBeTrue();
        ((ConfigSequence)root.Get("other")!).Append.ShouldBeFalse();
    }

    [Theory]
    [InlineData("a: 1\nb: [1, 2\n", EnvironmentDiagnosticCodes.YamlSyntax, 2, 4)]
    [InlineData("a: 1\nb:\n  c: 1\n  c: 2\n", EnvironmentDiagnosticCodes.DuplicateKey, 4, 3)]
    [InlineData("a: &x 1\nb: *x\n", EnvironmentDiagnosticCodes.AliasNotAllowed, 2, 4)]
    [InlineData("a: !secret 1\n", EnvironmentDiagnosticCodes.UnknownTag, 1, 4)]
    [InlineData("a: !append x\n", EnvironmentDiagnosticCodes.UnknownTag, 1, 4)]
    [InlineData("a: 1\n---\nb: 2\n", EnvironmentDiagnosticCodes.YamlSyntax, 2, 1)]
    [InlineData("? [a]\n: 1\n", EnvironmentDiagnosticCodes.YamlSyntax, 1, 3)]
    public void Reports_malformed_yaml_with_position(string yaml, string code, int line, int column)
    {
        YamlReadResult result = YamlTreeReader.Read(yaml, File);

        Diagnostic diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(code);
        (diagnostic.File, diagnostic.Line, diagnostic.Column).ShouldBe((File, line, column));
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Error);
    }

    [Fact]
    public void Rejects_a_billion_laughs_document_quickly()
    {
        var yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++)
        {
            char p = (char)(c - 1);
            yaml.Append(c).Append(": &").Append(c).Append(" [*").Append(p).Append(",*").Append(p).Append(",*").Append(p).Append(",*").Append(p)
                .Append(",*").Append(p).Append(",*").Append(p).Append(",*").Append(p).Append(",*").Append(p).Append(",*").Append(p).Append("]\n");
        }

        YamlReadResult result = YamlTreeReader.Read(yaml.ToString(), File);

        result.Diagnostics.Count.ShouldBe(72);
        result.Diagnostics.ShouldAllBe(d => d.Code == EnvironmentDiagnosticCodes.AliasNotAllowed);
    }

    [Fact]
    public void Refuses_a_ten_megabyte_file_without_parsing_it()
    {
        string yaml = "a: \"" + new string('x', 10 * 1024 * 1024) + "\"\n";

        YamlReadResult result = YamlTreeReader.Read(yaml, File);

        result.Root.ShouldBeNull();
        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe(EnvironmentDiagnosticCodes.FileTooLarge);
    }

    [Fact]
    public void Refuses_deep_nesting()
    {
        string yaml = "a: " + new string('[', 200) + new string(']', 200) + "\n";

        YamlReadResult result = YamlTreeReader.Read(yaml, File);

        result.Root.ShouldBeNull();
        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe(EnvironmentDiagnosticCodes.TooDeep);
    }

    [Fact]
    public void Reads_an_empty_file_as_no_tree()
    {
        YamlReadResult result = YamlTreeReader.Read("# only a comment\n", File);

        result.Diagnostics.ShouldBeEmpty();
    }
}
