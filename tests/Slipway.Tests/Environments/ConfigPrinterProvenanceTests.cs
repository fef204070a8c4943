using Slipway.Environments;
using YamlDotNet.RepresentationModel;

namespace Slipway.Tests.Environments;

/// <summary>ShowConfig's provenance of deletions, keys holding dots, masking by the SLW0203 rule, and YAML that reads back.</summary>
public sealed class ConfigPrinterProvenanceTests : IDisposable
{
    private const string Base = "cluster:\n  local: true\ngitops:\n  repository: local\n  engine: flux\n";

    private readonly TempRepository _repository = new();

    public ConfigPrinterProvenanceTests()
    {
        _repository
            .Write("base/env.yaml", Base + "platform:\n  releases:\n    x:\n      chart: c\n      values:\n        docker.io: mirror.local\n        nginx.ingress.kubernetes.io/proxy-body-size: 10m\n        failureDomain: zone\n        metrics: {enabled: true}\n")
            .Write("site/env.yaml", "extends: [base]\nplatform:\n  releases:\n    x:\n      values:\n        failureDomain: !null\n        metrics: null\n"
                + "        auth:\n          password: hunter2\n          passwordRef: ${env:PW}\n          secret:\n            name: my-secret\n          token: [a1, b2]\n          user: admin\n");
    }

    public void Dispose() => _repository.Dispose();

    private async Task<ResolvedEnvironment> SiteAsync()
        => (await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken)).Resolve("site");

    [Fact]
    public async Task Key_of_a_deleted_value_names_the_file_and_line_that_deleted_it_and_what_it_removed()
    {
        string text = ConfigPrinter.PrintKey(await SiteAsync(), "platform.releases.x.values.metrics");

        text.ShouldBe(
            """
            # platform.releases.x.values.metrics: deleted by environments/site/env.yaml:7 (site)
            # override chain (newest first):
            #   deleted by environments/site/env.yaml:7 (site): null
            #   overrode   environments/base/env.yaml:14 (base): {…}

            """.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("platform.releases.x.values[\"docker.io\"]", "mirror.local")]
    [InlineData("platform.releases.x.values['docker.io']", "mirror.local")]
    [InlineData("platform.releases.x.values[\"nginx.ingress.kubernetes.io/proxy-body-size\"]", "10m")]
    public async Task Keys_holding_dots_are_named_in_brackets(string key, string value)
    {
        string text = ConfigPrinter.PrintKey(await SiteAsync(), key);

        text.Split('\n')[0].ShouldEndWith(": " + value);
        text.ShouldContain("set by     environments/base/env.yaml:");
    }

    [Fact]
    public async Task A_dotted_spelling_of_a_dotted_key_suggests_the_bracket_form_not_itself()
    {
        ResolvedEnvironment site = await SiteAsync();

        SlipwayException exception = Should.Throw<SlipwayException>(() => ConfigPrinter.PrintKey(site, "platform.releases.x.values.docker.io"));

        exception.Kind.ShouldBe(FailureKind.Input);
        exception.Message.ShouldContain("(did you mean 'platform.releases.x.values[\"docker.io\"]'?)");
    }

    [Fact]
    public void Did_you_mean_never_offers_the_same_string()
    {
        NameSuggester.Closest("apps.web", ["apps.web"]).ShouldBeNull();
        NameSuggester.Closest("apps.web", ["apps.web", "apps.wbe"]).ShouldBe("apps.wbe");
    }

    [Fact]
    public async Task Printed_output_parses_back_as_yaml_with_masks_as_strings_and_dotted_keys_intact()
    {
        string text = ConfigPrinter.Print(await SiteAsync());
        var stream = new YamlStream();

        stream.Load(new StringReader(text));

        var values = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["platform"])["releases"])["x"];
        var chartValues = (YamlMappingNode)values["values"];
        ((YamlScalarNode)chartValues["docker.io"]).Value.ShouldBe("mirror.local");
        chartValues["failureDomain"].Tag.Value.ShouldBe("!null");
        chartValues.Children.ContainsKey(new YamlScalarNode("metrics")).ShouldBeFalse();
        var auth = (YamlMappingNode)chartValues["auth"];
        ((YamlScalarNode)auth["password"]).Value.ShouldBe("***");
        ((YamlScalarNode)auth["password"]).Style.ShouldBe(YamlDotNet.Core.ScalarStyle.DoubleQuoted);
        ((YamlScalarNode)auth["passwordRef"]).Value.ShouldBe("${env:PW}");
        ((YamlScalarNode)((YamlMappingNode)auth["secret"])["name"]).Value.ShouldBe("my-secret");
        ((YamlSequenceNode)auth["token"]).Children.Cast<YamlScalarNode>().Select(item => item.Value).ShouldBe(["***", "***"]);
        ((YamlScalarNode)auth["user"]).Value.ShouldBe("admin");
        text.ShouldNotContain("hunter2");
        text.ShouldNotContain("a1");
    }

    [Fact]
    public async Task Key_output_masks_by_the_same_rule()
    {
        ResolvedEnvironment site = await SiteAsync();

        ConfigPrinter.PrintKey(site, "platform.releases.x.values.auth.password").ShouldStartWith("platform.releases.x.values.auth.password: \"***\"\n");
        ConfigPrinter.PrintKey(site, "platform.releases.x.values.auth.secret.name").ShouldStartWith("platform.releases.x.values.auth.secret.name: my-secret\n");
    }
}
