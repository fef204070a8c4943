using System.Text.Json.Nodes;
using Slipway.LocalCluster.Api.Selectors;
using Slipway.LocalCluster.Store;

namespace Slipway.Tests.LocalCluster.Api.Selectors;

public sealed class LabelSelectorTests
{
    private static readonly JsonObject s_object = JsonNode.Parse("""{"metadata":{"name":"web-1","labels":{"app":"web","tier":"front","app.kubernetes.io/part-of":"shop"}},"status":{"phase":"Running"}}""")!.AsObject();

    [Theory]
    [InlineData("", true)]
    [InlineData("app=web", true)]
    [InlineData("app==web", true)]
    [InlineData("app=db", false)]
    [InlineData("app!=db", true)]
    [InlineData("missing!=x", true)]
    [InlineData("app in (web, db)", true)]
    [InlineData("app in (db)", false)]
    [InlineData("app notin (db)", true)]
    [InlineData("missing notin (db)", true)]
    [InlineData("tier", true)]
    [InlineData("!tier", false)]
    [InlineData("!missing", true)]
    [InlineData("app=web,tier in (front,back),!missing", true)]
    [InlineData("app.kubernetes.io/part-of=shop", true)]
    public void Label_requirements_match(string selector, bool matches)
        => LabelSelector.Parse(selector).Matches(s_object).ShouldBe(matches);

    [Theory]
    [InlineData("metadata.name=web-1", true)]
    [InlineData("metadata.name!=web-1", false)]
    [InlineData("status.phase=Running,metadata.namespace=", true)]
    [InlineData("status.phase==Pending", false)]
    public void Field_requirements_match(string selector, bool matches)
        => FieldSelector.Parse(selector).Matches(s_object).ShouldBe(matches);

    [Theory]
    [InlineData("=web")]
    [InlineData("a b c")]
    public void Bad_label_selectors_are_bad_requests(string selector)
        => Should.Throw<StoreException>(() => LabelSelector.Parse(selector)).Code.ShouldBe(400);

    [Theory]
    [InlineData("spec.replicas=1")]
    [InlineData("metadata.name")]
    public void Unsupported_or_malformed_field_selectors_are_bad_requests(string selector)
        => Should.Throw<StoreException>(() => FieldSelector.Parse(selector)).Code.ShouldBe(400);
}
