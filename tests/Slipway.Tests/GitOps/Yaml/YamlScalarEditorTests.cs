using Slipway.GitOps.Yaml;
using Slipway.Yaml;

namespace Slipway.Tests.GitOps.Yaml;

public sealed class YamlScalarEditorTests
{
    private const string Commented = """
        # The web app. Hand-tuned values below; keep the comments.
        apiVersion: v1
        kind: Namespace
        metadata:
          name: web   # the namespace
        ---
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: web

        spec:
          # values for the chart
          values:
            image:
              repository: ghcr.io/acme/web     # where it lives
              tag: staging-122 # pinned by Slipway

            replicaCount: 2
            resources: {limits: {cpu: "500m"}, tag: 'x'}
            other:
              - name: a
                value: "1"
        """;

    [Theory]
    [InlineData("tag: staging-122 # c", "tag: staging-123 # c")]
    [InlineData("tag: \"staging-122\" # c", "tag: \"staging-123\" # c")]
    [InlineData("tag: 'staging-122'   # c", "tag: 'staging-123'   # c")]
    [InlineData("tag:   staging-122", "tag:   staging-123")]
    [InlineData("tag: {a: 1}", null)]
    public void SetScalar_KeepsQuotingStyleAndSameLineComment(string line, string? expected)
    {
        string yaml = $"spec:\n  image:\n    {line}\n  after: 1\n";

        if (expected is null)
        {
            Should.Throw<SlipwayException>(() => YamlScalarEditor.SetScalar(yaml, "spec.image.tag", "staging-123")).Kind.ShouldBe(FailureKind.Input);
            return;
        }

        string result = YamlScalarEditor.SetScalar(yaml, "spec.image.tag", "staging-123");

        result.ShouldBe($"spec:\n  image:\n    {expected}\n  after: 1\n");
    }

    [Fact]
    public void SetScalar_ChangesOnlyTheValueInACommentedMultiDocumentFile()
    {
        string result = YamlScalarEditor.SetScalar(Commented, "spec.values.image.tag", "staging-123", documentKind: "HelmRelease");

        result.ShouldBe(Commented.Replace("tag: staging-122 #", "tag: staging-123 #", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public void SetScalar_KeepsLineEndingsAndNonAsciiText(string newline)
    {
        string yaml = string.Join(newline, "# déploiement 🚀 — ünïcode", "spec:", "  note: \"日本語 🚀\"  # 🚀", "  tag: old # ✓", "  after: 1", string.Empty);

        string result = YamlScalarEditor.SetScalar(yaml, "spec.tag", "new");

        result.ShouldBe(yaml.Replace("tag: old", "tag: new", StringComparison.Ordinal));
    }

    [Fact]
    public void SetScalar_EditsInsideFlowMappings()
    {
        string result = YamlScalarEditor.SetScalar(Commented, "spec.values.resources.limits.cpu", "1", documentKind: "HelmRelease");

        result.ShouldBe(Commented.Replace("{cpu: \"500m\"}", "{cpu: \"1\"}", StringComparison.Ordinal));
    }

    [Fact]
    public void SetScalar_SelectsASequenceItemByField()
    {
        string result = YamlScalarEditor.SetScalar(Commented, "spec.values.other[name=a].value", "2", documentKind: "HelmRelease");

        result.ShouldBe(Commented.Replace("value: \"1\"", "value: \"2\"", StringComparison.Ordinal));
    }

    [Fact]
    public void SetScalar_WritesNumbersPlainWhenLiteral()
    {
        string result = YamlScalarEditor.SetScalar(Commented, "spec.values.replicaCount", "3", YamlValueKind.Literal, "HelmRelease");

        result.ShouldBe(Commented.Replace("replicaCount: 2", "replicaCount: 3", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1.10", "\"1.10\"")]
    [InlineData("true", "\"true\"")]
    [InlineData("123", "\"123\"")]
    [InlineData("v1.2.3", "v1.2.3")]
    [InlineData("a: b", "\"a: b\"")]
    public void SetScalar_QuotesAPlainStringThatWouldReadAsAnotherType(string value, string expectedText)
    {
        string result = YamlScalarEditor.SetScalar("tag: old # c\n", "tag", value);

        result.ShouldBe($"tag: {expectedText} # c\n");
        YamlScalarEditor.GetScalar(result, "tag").ShouldBe(value);
    }

    [Fact]
    public void SetScalar_SameValueReturnsTheTextUnchanged()
    {
        YamlScalarEditor.SetScalar(Commented, "spec.values.image.tag", "staging-122", documentKind: "HelmRelease").ShouldBeSameAs(Commented);
    }

    [Fact]
    public void SetScalar_InsertsAMissingKeyUnderItsParentWithItsIndentation()
    {
        string yaml = "spec:\n  values:\n    image:\n      repository: r # c\n\n  other: 1\n";

        string result = YamlScalarEditor.SetScalar(yaml, "spec.values.image.tag", "t1");

        result.ShouldBe("spec:\n  values:\n    image:\n      repository: r # c\n      tag: t1\n\n  other: 1\n");
    }

    [Fact]
    public void SetScalar_InsertsMissingParentsToo()
    {
        string yaml = "spec:\n  chart: c\n";

        string result = YamlScalarEditor.SetScalar(yaml, "spec.values.image.tag", "t1");

        result.ShouldBe("spec:\n  chart: c\n  values:\n    image:\n      tag: t1\n");
        YamlScalarEditor.GetScalar(result, "spec.values.image.tag").ShouldBe("t1");
    }

    [Fact]
    public void SetScalar_FillsAnEmptyValue()
    {
        YamlScalarEditor.SetScalar("a:\n  tag:\n  b: 1\n", "a.tag", "x").ShouldBe("a:\n  tag: x\n  b: 1\n");
    }

    [Theory]
    [InlineData("tag: |\n  old\n", "block scalar")]
    [InlineData("spec: [1, 2]\n", "a sequence, not a mapping")]
    [InlineData("spec: {a: 1}\n", "flow mapping")]
    [InlineData("spec: [unclosed\n", "not valid YAML")]
    public void SetScalar_RejectsWhatItCannotEditWithTheFileAndLine(string yaml, string expected)
    {
        string path = yaml.StartsWith("tag", StringComparison.Ordinal) ? "tag" : "spec.tag";

        SlipwayException error = Should.Throw<SlipwayException>(() => YamlScalarEditor.SetScalar(yaml, path, "x", sourceName: "f.yaml"));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldContain("f.yaml:");
        error.Message.ShouldContain(expected);
    }

    [Theory]
    [InlineData("spec.values.image.tag", "staging-122")]
    [InlineData("spec.values.replicaCount", "2")]
    [InlineData("spec.values.missing", null)]
    [InlineData("spec.values.other[name=a].value", "1")]
    public void GetScalar_ReadsValues(string path, string? expected)
    {
        YamlScalarEditor.GetScalar(Commented, path, "HelmRelease").ShouldBe(expected);
    }
}
