using Slipway.LocalCluster.Controllers.Manifests;

namespace Slipway.Tests.LocalCluster.Controllers.Manifests;

public sealed class YamlDocumentsTests
{
    [Fact]
    public void Reads_every_document_with_typed_scalars()
    {
        const string yaml = "a: 1\nb: \"1\"\nc: true\nd: ~\ne: 1.5\nf: text\n---\n---\nkind: Second\n";

        var documents = YamlDocuments.Parse(yaml, "x.yaml");

        documents.Count.ShouldBe(2);
        documents[0].ToJsonString().ShouldBe("""{"a":1,"b":"1","c":true,"d":null,"e":1.5,"f":"text"}""");
        documents[1]["kind"]!.GetValue<string>().ShouldBe("Second");
    }

    [Theory]
    [InlineData("a: [1, 2\n", "bad.yaml:2: invalid YAML")]
    [InlineData("- just\n- a list\n", "a manifest must be a mapping")]
    public void Bad_yaml_names_the_file_and_line(string yaml, string message)
        => Should.Throw<ManifestException>(() => YamlDocuments.Parse(yaml, "bad.yaml")).Message.ShouldContain(message);

    [Theory]
    [InlineData("./clusters/staging", "clusters/staging")]
    [InlineData("clusters/staging/", "clusters/staging")]
    [InlineData("./", "")]
    [InlineData("a/b/../c", "a/c")]
    public void Paths_are_normalised_inside_the_repository(string path, string expected)
        => GitTreeManifests.Normalize(path).ShouldBe(expected);

    [Fact]
    public void Paths_may_not_leave_the_repository()
        => Should.Throw<ManifestException>(() => GitTreeManifests.Normalize("../outside"));
}
