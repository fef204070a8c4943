using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;

namespace Slipway.Tests.LocalCluster.Controllers.Runtime;

public sealed class JsonTests
{
    [Theory]
    [InlineData("""{"a":1}""", """{"a":1,"b":2}""", true)]
    [InlineData("""{"a":{"x":"y"}}""", """{"a":{"x":"y","z":1}}""", true)]
    [InlineData("""{"a":[1,2]}""", """{"a":[1,2]}""", true)]
    [InlineData("""{"a":[1,2]}""", """{"a":[1,2,3]}""", false)]
    [InlineData("""{"a":1}""", """{"a":2}""", false)]
    [InlineData("""{"a":1}""", """{}""", false)]
    [InlineData("""{"a":"1"}""", """{"a":1}""", true)]
    public void Subset_means_every_desired_field_is_live(string desired, string live, bool expected)
        => Json.IsSubsetOf(JsonNode.Parse(desired), JsonNode.Parse(live)).ShouldBe(expected);

    [Fact]
    public void Numbers_are_read_whatever_their_clr_type()
    {
        var obj = new JsonObject { ["int"] = 3, ["long"] = 4L, ["text"] = "5", ["parsed"] = JsonNode.Parse("6") };

        (obj.Long("int"), obj.Long("long"), obj.Long("text"), obj.Long("parsed"), obj.Long("missing")).ShouldBe((3L, 4L, 5L, 6L, (long?)null));
    }

    [Fact]
    public void Canonical_text_ignores_key_order()
        => Json.Canonical(JsonNode.Parse("""{"b":1,"a":{"d":2,"c":3}}""")).ShouldBe(Json.Canonical(JsonNode.Parse("""{"a":{"c":3,"d":2},"b":1}""")));

    [Fact]
    public void Merge_replaces_lists_and_merges_maps()
    {
        JsonObject target = JsonNode.Parse("""{"spec":{"replicas":1,"keep":true,"list":[1,2]},"status":{"x":1}}""")!.AsObject();

        Json.MergeInto(target, JsonNode.Parse("""{"spec":{"replicas":3,"list":[9]}}""")!.AsObject());

        target.ToJsonString().ShouldBe("""{"spec":{"replicas":3,"keep":true,"list":[9]},"status":{"x":1}}""");
    }
}
