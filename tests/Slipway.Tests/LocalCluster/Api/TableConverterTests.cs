using System.Text.Json.Nodes;
using Slipway.LocalCluster.Api;
using Slipway.LocalCluster.Store;

namespace Slipway.Tests.LocalCluster.Api;

public sealed class TableConverterTests
{
    private static readonly DateTimeOffset s_now = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-01-10T11:59:15Z", "45s")]
    [InlineData("2026-01-10T11:48:00Z", "12m")]
    [InlineData("2026-01-10T09:00:00Z", "3h")]
    [InlineData("2026-01-05T12:00:00Z", "5d")]
    [InlineData(null, "<unknown>")]
    public void Age_reads_like_kubectl(string? created, string expected)
        => TableConverter.Age(created, s_now).ShouldBe(expected);

    [Fact]
    public void A_helm_release_row_shows_its_ready_condition()
    {
        var release = JsonNode.Parse("""
            {"metadata":{"name":"web","namespace":"apps","creationTimestamp":"2026-01-10T11:00:00Z"},
             "status":{"conditions":[{"type":"Ready","status":"False","reason":"RollbackSucceeded","message":"upgrade failed; rolled back"}]}}
            """)!.AsObject();

        JsonObject table = TableConverter.Table(KnownResourceTypes.HelmRelease, [release], 7, null, s_now);

        table["columnDefinitions"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ShouldBe(["Name", "Age", "Ready", "Status"]);
        table["rows"]![0]!["cells"]!.AsArray().Select(c => c!.ToString()).ShouldBe(["web", "60m", "False", "upgrade failed; rolled back"]);
        table["rows"]![0]!["object"]!["metadata"]!["namespace"]!.GetValue<string>().ShouldBe("apps");
    }
}
