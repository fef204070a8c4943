using Slipway.Releases;

namespace Slipway.Tests.Releases;

public sealed class ReleaseLogTests
{
    private static ReleaseRecord Record(int n, bool verified, int minute = 0) => new()
    {
        Id = $"staging-{n}",
        Time = new DateTimeOffset(2026, 11, 23, 10, minute, 0, TimeSpan.Zero),
        Who = "ada",
        SourceCommit = "0123456789abcdef0123456789abcdef01234567",
        GitOpsCommit = "89abcdef0123456789abcdef0123456789abcdef",
        RunId = "123",
        Verified = verified,
        Apps = new SortedDictionary<string, string> { ["web"] = "ghcr.io/acme/web:staging-12" + n },
        Charts = new SortedDictionary<string, string> { ["ingress-nginx"] = "4.11.3" },
    };

    [Fact]
    public void SerializeThenParse_RoundTrips()
    {
        var history = new ReleaseHistory("staging", [Record(1, true), Record(2, false, 5)]);

        string text = ReleaseLog.Serialize(history);
        ReleaseHistory parsed = ReleaseLog.Parse("staging", text);

        parsed.Releases.Count.ShouldBe(2);
        parsed.Releases[0].Id.ShouldBe("staging-2");
        parsed.Releases[0].Apps.ShouldBe(history.Releases[0].Apps);
        parsed.Releases[1].ShouldBeEquivalentTo(history.Releases[1]);
        text.ShouldContain("    time: \"2026-11-23T10:05:00Z\"\n");
        text.ShouldContain("    runId: \"123\"\n");
        ReleaseLog.Serialize(parsed).ShouldBe(text);
    }

    [Fact]
    public void A_gate_override_and_its_reason_round_trip()
    {
        var history = new ReleaseHistory("production", [Record(1, true) with { Id = "production-1", Override = "break-glass: INC-42 checkout is down" }]);

        string text = ReleaseLog.Serialize(history);

        text.ShouldContain("    override: \"break-glass: INC-42 checkout is down\"\n");
        ReleaseLog.Parse("production", text).Releases[0].Override.ShouldBe("break-glass: INC-42 checkout is down");
    }

    [Fact]
    public void History_AnswersLatestLatestVerifiedAndById()
    {
        var history = new ReleaseHistory("staging", [Record(1, true), Record(3, false), Record(2, true)]);

        history.Latest!.Id.ShouldBe("staging-3");
        history.LatestVerified!.Id.ShouldBe("staging-2");
        history.NextId.ShouldBe("staging-4");
        history.Find("staging-1")!.Verified.ShouldBeTrue();
        history.Find("staging-9").ShouldBeNull();
        Should.Throw<SlipwayException>(() => history.Get("staging-9")).Message.ShouldContain("newest are: staging-3, staging-2, staging-1");
    }

    [Fact]
    public void Parse_EmptyOrMissing_IsAnEmptyHistory()
    {
        ReleaseLog.Parse("dev", null).Releases.ShouldBeEmpty();
        ReleaseLog.Parse("dev", "").NextId.ShouldBe("dev-1");
        ReleaseLog.Parse("dev", ReleaseLog.Serialize(new ReleaseHistory("dev", []))).Releases.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("releases: 3\n", "releases/staging.yaml:1: 'releases' must be a list")]
    [InlineData("releases:\n  - id: a\n", "releases/staging.yaml:2: the release has no 'time'")]
    [InlineData("releases:\n  - [\n", "releases/staging.yaml:")]
    [InlineData("releases:\n  - {id: a, time: nope, who: a, sourceCommit: a, gitopsCommit: a, runId: a, verified: true}\n", "time 'nope' is not")]
    public void Parse_Broken_NamesTheFileAndLine(string text, string expected)
    {
        SlipwayException error = Should.Throw<SlipwayException>(() => ReleaseLog.Parse("staging", text));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldContain(expected);
    }
}
