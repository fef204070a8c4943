using System.Text.Json.Nodes;
using Slipway.LocalCluster.Api.Patching;
using Slipway.LocalCluster.Store;

namespace Slipway.Tests.LocalCluster.Api.Patching;

public sealed class JsonPatchTests
{
    private const string Target = """{"metadata":{"labels":{"a/b":"1"}},"spec":{"list":[1,2,3],"value":"x"}}""";

    [Theory]
    [InlineData("""[{"op":"add","path":"/spec/new","value":true}]""", "/spec/new", "true")]
    [InlineData("""[{"op":"add","path":"/spec/list/1","value":9}]""", "/spec/list", "[1,9,2,3]")]
    [InlineData("""[{"op":"add","path":"/spec/list/-","value":4}]""", "/spec/list", "[1,2,3,4]")]
    [InlineData("""[{"op":"remove","path":"/spec/list/0"}]""", "/spec/list", "[2,3]")]
    [InlineData("""[{"op":"replace","path":"/metadata/labels/a~1b","value":"2"}]""", "/metadata/labels", """{"a/b":"2"}""")]
    [InlineData("""[{"op":"move","from":"/spec/value","path":"/spec/moved"}]""", "/spec", """{"list":[1,2,3],"moved":"x"}""")]
    [InlineData("""[{"op":"copy","from":"/spec/value","path":"/spec/copy"},{"op":"test","path":"/spec/copy","value":"x"}]""", "/spec/copy", "\"x\"")]
    public void Operations_apply_in_order(string patch, string pointer, string expected)
    {
        JsonObject result = JsonPatch.Apply(JsonNode.Parse(Target)!.AsObject(), JsonNode.Parse(patch));

        JsonNode? actual = pointer.Trim('/').Split('/').Aggregate((JsonNode?)result, (node, token) => node![token]);
        JsonNode.DeepEquals(actual, JsonNode.Parse(expected)).ShouldBeTrue(actual?.ToJsonString());
    }

    [Theory]
    [InlineData("""[{"op":"remove","path":"/spec/missing"}]""")]
    [InlineData("""[{"op":"replace","path":"/spec/list/7","value":1}]""")]
    [InlineData("""[{"op":"test","path":"/spec/value","value":"y"}]""")]
    [InlineData("""[{"op":"jump","path":"/spec"}]""")]
    [InlineData("""{"op":"add"}""")]
    public void Failures_are_invalid(string patch)
    {
        StoreException error = Should.Throw<StoreException>(() => JsonPatch.Apply(JsonNode.Parse(Target)!.AsObject(), JsonNode.Parse(patch)));

        error.Code.ShouldBe(422);
    }
}
