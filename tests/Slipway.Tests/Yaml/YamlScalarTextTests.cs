using Slipway.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Slipway.Tests.Yaml;

/// <summary>The one quoting rule: plain only when YAML 1.1 (kubectl, Helm, Flux) and YAML 1.2 readers both read a string.</summary>
public sealed class YamlScalarTextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("Null")]
    [InlineData("NULL")]
    [InlineData("true")]
    [InlineData("True")]
    [InlineData("FALSE")]
    [InlineData("yes")]
    [InlineData("Yes")]
    [InlineData("no")]
    [InlineData("NO")]
    [InlineData("on")]
    [InlineData("On")]
    [InlineData("off")]
    [InlineData("OFF")]
    [InlineData("y")]
    [InlineData("Y")]
    [InlineData("n")]
    [InlineData("N")]
    [InlineData("1.10")]
    [InlineData("2.0")]
    [InlineData("123")]
    [InlineData("-5")]
    [InlineData("+1")]
    [InlineData("1e5")]
    [InlineData("1_000")]
    [InlineData("0x1F")]
    [InlineData("0o17")]
    [InlineData(".inf")]
    [InlineData("-.inf")]
    [InlineData(".nan")]
    [InlineData("08:00")]
    [InlineData("2024-01-02")]
    [InlineData("2024-01-02T10:00:00Z")]
    [InlineData("a: b")]
    [InlineData("a #b")]
    [InlineData("ends:")]
    [InlineData(" leading")]
    [InlineData("trailing ")]
    [InlineData("#comment")]
    [InlineData("&anchor")]
    [InlineData("*alias")]
    [InlineData("!tag")]
    [InlineData("|")]
    [InlineData(">")]
    [InlineData("'single")]
    [InlineData("\"double")]
    [InlineData("%directive")]
    [InlineData("@at")]
    [InlineData("`tick")]
    [InlineData("- item")]
    [InlineData("-")]
    [InlineData("?")]
    [InlineData(":")]
    [InlineData("---")]
    [InlineData("...")]
    [InlineData("a, b")]
    [InlineData("${env:API_TOKEN}")]
    [InlineData("[x]")]
    [InlineData("{x}")]
    [InlineData("tab\tinside")]
    [InlineData("line\nbreak")]
    public void A_string_that_plain_text_would_not_read_back_is_double_quoted(string value)
    {
        string text = YamlScalarText.String(value);

        text.ShouldStartWith("\"");
        ReadBack(text).ShouldBe(value);
    }

    [Theory]
    [InlineData("v1.2.3")]
    [InlineData("1.2.3")]
    [InlineData("4.11.3")]
    [InlineData("staging-123")]
    [InlineData("registry.local/web")]
    [InlineData("eu")]
    [InlineData("-foo")]
    [InlineData("hello world")]
    [InlineData("clusters/qa")]
    [InlineData("a:b")]
    [InlineData("yesterday")]
    public void A_string_that_reads_back_as_itself_stays_plain(string value)
    {
        YamlScalarText.String(value).ShouldBe(value);
        ReadBack(value).ShouldBe(value);
    }

    [Theory]
    [InlineData("line\nbreak", "\"line\\nbreak\"")]
    [InlineData("tab\t", "\"tab\\t\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("back\\slash", "\"back\\\\slash\"")]
    [InlineData("bell\u0007", "\"bell\\u0007\"")]
    public void Double_quoting_escapes_what_yaml_needs_escaped(string value, string expected)
        => YamlScalarText.DoubleQuoted(value).ShouldBe(expected);

    [Theory]
    [InlineData("true", false, false, "true")]
    [InlineData("true", true, false, "\"true\"")]
    [InlineData("2.0", false, false, "2.0")]
    [InlineData("2.0", true, false, "\"2.0\"")]
    [InlineData("08:00", true, false, "\"08:00\"")]
    [InlineData("y", false, false, "y")]
    [InlineData("y", true, false, "\"y\"")]
    [InlineData("no", true, true, "\"no\"")]
    [InlineData("eu", true, false, "eu")]
    [InlineData("eu", false, true, "eu")]
    [InlineData("${env:API_TOKEN}", false, false, "${env:API_TOKEN}")]
    [InlineData("${env:API_TOKEN}", false, true, "\"${env:API_TOKEN}\"")]
    [InlineData("${env:API_TOKEN}", true, false, "\"${env:API_TOKEN}\"")]
    [InlineData("a, b", false, false, "a, b")]
    [InlineData("a, b", false, true, "\"a, b\"")]
    [InlineData("a, b", true, false, "\"a, b\"")]
    [InlineData("", false, false, "\"\"")]
    public void A_scalar_as_read_keeps_its_type(string value, bool quoted, bool inFlow, string expected)
    {
        string text = YamlScalarText.AsRead(value, quoted, inFlow);

        text.ShouldBe(expected);
        ReadBack(text).ShouldBe(value);
    }

    [Theory]
    [InlineData("3", ScalarStyle.Plain, YamlValueKind.Literal, "3")]
    [InlineData("true", ScalarStyle.DoubleQuoted, YamlValueKind.Literal, "true")]
    [InlineData("abc", ScalarStyle.Plain, YamlValueKind.Literal, "\"abc\"")]
    [InlineData("it's", ScalarStyle.SingleQuoted, YamlValueKind.String, "'it''s'")]
    [InlineData("a\nb", ScalarStyle.SingleQuoted, YamlValueKind.String, "\"a\\nb\"")]
    [InlineData("plain", ScalarStyle.DoubleQuoted, YamlValueKind.String, "\"plain\"")]
    [InlineData("1.10", ScalarStyle.Plain, YamlValueKind.String, "\"1.10\"")]
    public void Format_keeps_the_style_when_it_can_hold_the_value(string value, ScalarStyle style, YamlValueKind kind, string expected)
        => YamlScalarText.Format(value, style, kind).ShouldBe(expected);

    private static string ReadBack(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader("key: " + text + "\n"));
        var scalar = (YamlScalarNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("key")];
        return scalar.Value!;
    }
}
