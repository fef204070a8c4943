using System.Net;
using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Manifests;
using Slipway.LocalCluster.Yaml;
using Slipway.Tests.LocalCluster.Api;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Yaml;

/// <summary>One YAML → JSON typing for the API server and the GitOps controllers, as sigs.k8s.io/yaml types scalars.</summary>
public sealed class YamlJsonTests(SharedCluster shared) : IClassFixture<SharedCluster>
{
    private const string Manifest = """
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: typed
          namespace: default
        spec:
          values:
            int: 3
            quotedInt: "3"
            singleQuoted: '1.10'
            float: 1.5
            exponent: 1e3
            negative: -7
            plus: +7
            underscores: 1_000
            hex: 0x1F
            octal: 0644
            octalPrefix: 0o17
            binary: 0b101
            notOctal: 09
            big: 18446744073709551615
            version: 1.2.3
            yes: yes
            no: no
            on: on
            y: y
            trueWord: true
            trueTitle: True
            falseUpper: FALSE
            nothing: null
            tilde: ~
            empty:
            taggedString: !!str 3
            infinity: .inf
            date: 2024-01-02
            text: hello world
            list: [1, "1", true, x]
        """;

    [Theory]
    [InlineData("3", 3L)]
    [InlineData("-7", -7L)]
    [InlineData("+7", 7L)]
    [InlineData("1_000", 1000L)]
    [InlineData("0x1F", 31L)]
    [InlineData("0644", 420L)]
    [InlineData("0o17", 15L)]
    [InlineData("0b101", 5L)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void Plain_integers_are_numbers_as_go_yaml_reads_them(string text, long expected)
        => YamlJson.ParseAll($"v: {text}")[0].Node!["v"]!.GetValue<long>().ShouldBe(expected);

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("1e3", 1000.0)]
    [InlineData(".5", 0.5)]
    [InlineData("09", 9.0)]
    [InlineData("1_000.5", 1000.5)]
    public void Plain_decimals_are_numbers(string text, double expected)
        => YamlJson.ParseAll($"v: {text}")[0].Node!["v"]!.GetValue<double>().ShouldBe(expected);

    [Theory]
    [InlineData("\"3\"", "3")]
    [InlineData("'true'", "true")]
    [InlineData("!!str 3", "3")]
    [InlineData("yes", "yes")]
    [InlineData("No", "No")]
    [InlineData("on", "on")]
    [InlineData("y", "y")]
    [InlineData("1.2.3", "1.2.3")]
    [InlineData(".inf", ".inf")]
    [InlineData("0x", "0x")]
    [InlineData("2024-01-02", "2024-01-02")]
    public void Quoted_tagged_and_yaml_1_1_words_stay_strings(string text, string expected)
        => YamlJson.ParseAll($"v: {text}")[0].Node!["v"]!.GetValue<string>().ShouldBe(expected);

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("FALSE", false)]
    public void True_and_false_are_booleans(string text, bool expected)
        => YamlJson.ParseAll($"v: {text}")[0].Node!["v"]!.GetValue<bool>().ShouldBe(expected);

    [Theory]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("")]
    [InlineData("NULL")]
    public void Null_words_are_null(string text)
        => YamlJson.ParseAll($"v: {text}")[0].Node!.AsObject().ContainsKey("v").ShouldBeTrue();

    [Fact]
    public async Task The_api_server_and_the_gitops_controllers_read_a_manifest_as_the_same_json()
    {
        using var http = new HttpClient { BaseAddress = shared.Cluster.BaseAddress };
        using HttpResponseMessage created = await HttpApiTests.Send(http, HttpMethod.Post, "/apis/helm.toolkit.fluxcd.io/v2/namespaces/default/helmreleases", Manifest, "application/yaml");
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        JsonNode stored = JsonNode.Parse(await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        JsonObject synced = YamlDocuments.Parse(Manifest, "typed.yaml").ShouldHaveSingleItem();

        stored["spec"]!.ToJsonString().ShouldBe(synced["spec"]!.ToJsonString());
        synced["spec"]!["values"]!.ToJsonString().ShouldBe(
            """{"int":3,"quotedInt":"3","singleQuoted":"1.10","float":1.5,"exponent":1000,"negative":-7,"plus":7,"underscores":1000,"hex":31,"octal":420,"octalPrefix":15,"binary":5,"notOctal":9,"big":18446744073709551615,"version":"1.2.3","yes":"yes","no":"no","on":"on","y":"y","trueWord":true,"trueTitle":true,"falseUpper":false,"nothing":null,"tilde":null,"empty":null,"taggedString":"3","infinity":".inf","date":"2024-01-02","text":"hello world","list":[1,"1",true,"x"]}""");
    }
}
