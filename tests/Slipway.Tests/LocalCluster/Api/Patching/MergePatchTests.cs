using System.Text.Json.Nodes;
using Slipway.LocalCluster.Api.Patching;

namespace Slipway.Tests.LocalCluster.Api.Patching;

public sealed class MergePatchTests
{
    [Theory]
    [InlineData("""{"a":1,"b":{"c":2}}""", """{"b":{"c":3,"d":4}}""", """{"a":1,"b":{"c":3,"d":4}}""")]
    [InlineData("""{"a":1,"b":2}""", """{"a":null}""", """{"b":2}""")]
    [InlineData("""{"list":[1,2,3]}""", """{"list":[4]}""", """{"list":[4]}""")]
    [InlineData("""{"a":{"b":1}}""", """{"a":"text"}""", """{"a":"text"}""")]
    [InlineData("""{"c":[{"name":"web","image":"1"}]}""", """{"c":[{"name":"web","image":"2"}]}""", """{"c":[{"name":"web","image":"2"}]}""")]
    public void Merge_patch_follows_rfc_7386(string target, string patch, string expected)
    {
        JsonNode? result = MergePatch.Apply(JsonNode.Parse(target), JsonNode.Parse(patch), strategic: false);

        JsonNode.DeepEquals(result, JsonNode.Parse(expected)).ShouldBeTrue(result?.ToJsonString());
    }

    [Theory]
    [InlineData(
        """{"containers":[{"name":"web","image":"1","ports":[{"containerPort":80}]},{"name":"side","image":"s"}]}""",
        """{"containers":[{"name":"web","image":"2"}]}""",
        """{"containers":[{"name":"web","image":"2","ports":[{"containerPort":80}]},{"name":"side","image":"s"}]}""")]
    [InlineData(
        """{"containers":[{"name":"web"},{"name":"side"}]}""",
        """{"containers":[{"name":"side","$patch":"delete"},{"name":"new"}],"$setElementOrder/containers":[{"name":"web"},{"name":"new"}]}""",
        """{"containers":[{"name":"web"},{"name":"new"}]}""")]
    [InlineData("""{"spec":{"a":1,"b":2}}""", """{"spec":{"$patch":"replace","c":3}}""", """{"spec":{"c":3}}""")]
    [InlineData("""{"args":["a","b"]}""", """{"args":["c"]}""", """{"args":["c"]}""")]
    public void Strategic_patch_merges_named_lists_and_honours_directives(string target, string patch, string expected)
    {
        JsonNode? result = MergePatch.Apply(JsonNode.Parse(target), JsonNode.Parse(patch), strategic: true);

        JsonNode.DeepEquals(result, JsonNode.Parse(expected)).ShouldBeTrue(result?.ToJsonString());
    }
}
