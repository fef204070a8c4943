using Slipway.GitOps;
using Slipway.Releases;
using Slipway.Tests.GitOps;
using Slipway.Tests.Support;

namespace Slipway.Tests.Releases;

public sealed class ReleaseRecorderTests : IDisposable
{
    private readonly GitFixture _fixture = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ReleaseInput Input(string tag, bool verified) => new()
    {
        Who = "ada",
        SourceCommit = "src-sha",
        GitOpsCommit = "gitops-sha",
        RunId = "run-7",
        Verified = verified,
        Apps = new Dictionary<string, string> { ["web"] = $"ghcr.io/acme/web:{tag}" },
        Charts = new Dictionary<string, string> { ["ingress-nginx"] = "4.11.3" },
    };

    [Fact]
    public async Task RecordAsync_AppendsNewestFirstInOneCommitEach()
    {
        await _fixture.CreateRemoteAsync();
        var time = TestClock.At(new DateTimeOffset(2026, 11, 23, 11, 0, 0, TimeSpan.Zero));
        var recorder = new ReleaseRecorder(_fixture.Open(), time);

        ReleaseRecord first = await recorder.RecordAsync("staging", Input("staging-122", true), GitFixture.Info(), Ct);
        ReleaseRecord second = await recorder.RecordAsync("staging", Input("staging-123", false), GitFixture.Info(), Ct);

        first.Id.ShouldBe("staging-1");
        second.Id.ShouldBe("staging-2");
        second.Time.ShouldBe(time.GetUtcNow());
        GitFixture.Git(_fixture.RemotePath, "log", "-2", "--format=%s").ShouldBe(
            "release(staging): staging-2 not verified (web staging-123)\nrelease(staging): staging-1 verified (web staging-122)");
        ReleaseHistory history = await ReleaseRecorder.ReadAsync(_fixture.Open("reader"), "staging", Ct);
        history.Releases.Select(r => r.Id).ShouldBe(["staging-2", "staging-1"]);
        history.LatestVerified!.Apps["web"].ShouldBe("ghcr.io/acme/web:staging-122");
        history.Latest!.Time.ShouldBe(second.Time);
        history.Latest.Apps.ShouldBe(second.Apps);
        history.Latest.Charts.ShouldBe(second.Charts);
    }

    [Fact]
    public async Task RecordAsync_Racing_GivesDistinctIds()
    {
        await _fixture.CreateRemoteAsync();
        var a = new ReleaseRecorder(_fixture.Open("a"), TimeProvider.System);
        var b = new ReleaseRecorder(_fixture.Open("b"), TimeProvider.System);

        ReleaseRecord[] records = await Task.WhenAll(
            a.RecordAsync("staging", Input("t1", true), GitFixture.Info(), Ct),
            b.RecordAsync("staging", Input("t2", true), GitFixture.Info(), Ct));

        records.Select(r => r.Id).Order().ShouldBe(["staging-1", "staging-2"]);
        ReleaseHistory history = await ReleaseRecorder.ReadAsync(_fixture.Open("reader"), "staging", Ct);
        history.Releases.Count.ShouldBe(2);
    }

    public void Dispose() => _fixture.Dispose();
}
