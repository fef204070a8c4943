using System.Text.Json.Nodes;
using Slipway.GitOps;
using Slipway.GitOps.Manifests;

namespace Slipway.Tests.GitOps.Manifests;

public sealed class ManifestDocumentsTests
{
    [Fact]
    public void Parse_ResolvesPlainScalarsAndKeepsQuotedOnesStrings()
    {
        const string Yaml = "# c\na: 1\nb: \"1\"\nc: true\nd: 'true'\ne: ~\nf: 1.5\ng: x\nh: [1, two]\n---\nkind: Second\n";

        IReadOnlyList<JsonObject> objects = ManifestDocuments.Parse(Yaml, "f.yaml");

        objects.Count.ShouldBe(2);
        objects[0].ToJsonString().ShouldBe("""{"a":1,"b":"1","c":true,"d":"true","e":null,"f":1.5,"g":"x","h":[1,"two"]}""");
        objects[1]["kind"]!.GetValue<string>().ShouldBe("Second");
    }

    [Theory]
    [InlineData(GitOpsEngine.Flux, "GitRepository,Kustomization")]
    [InlineData(GitOpsEngine.ArgoCd, "Application,Application")]
    public void Bootstrap_GivesTheObjectsToApply(GitOpsEngine engine, string kinds)
    {
        IReadOnlyList<JsonObject> objects = ManifestDocuments.Bootstrap(new GitOpsEnvironment("staging", engine, "/srv/gitops.git", "main"));

        string.Join(",", objects.Select(o => o["kind"]!.GetValue<string>())).ShouldBe(kinds);
        if (engine == GitOpsEngine.Flux)
        {
            objects[0]["spec"]!["url"]!.GetValue<string>().ShouldBe("/srv/gitops.git");
            objects[1]["spec"]!["prune"]!.GetValue<bool>().ShouldBeTrue();
            objects[1]["metadata"]!["namespace"]!.GetValue<string>().ShouldBe("flux-system");
        }
    }
}
