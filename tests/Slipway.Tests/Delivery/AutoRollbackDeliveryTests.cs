using Slipway.Delivery;
using Slipway.Releases;
using Slipway.Tests.GitOps;
using Slipway.Tests.Rollback;
using Slipway.Tests.Support;
using Slipway.Verification;

namespace Slipway.Tests.Delivery;

/// <summary>
/// <c>rollback.auto: true</c> on the local cluster: a tag the image catalogue does not have fails Verify, Slipway rolls back to
/// the previous verified release, verifies it, records both releases, holds the app — and still fails (exit 1).
/// </summary>
public sealed class AutoRollbackDeliveryTests : IClassFixture<RollbackClusterFixture>
{
    private readonly RollbackClusterFixture _fixture;

    public AutoRollbackDeliveryTests(RollbackClusterFixture fixture)
    {
        _fixture = fixture;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tag_that_does_not_exist_is_rolled_back_to_the_previous_verified_release_and_the_deploy_still_fails()
    {
        using var http = new HttpClient();
        var log = new RecordingLog();
        var variables = new Dictionary<string, string> { [EnvironmentDelivery.FailFastVariable] = "15s" };
        await using (EnvironmentDelivery good = await _fixture.OpenAsync("auto", log, variables))
        {
            await good.DeployPlatformAsync(Ct);
            await good.SyncAppsAsync("web", "r-2", Ct);
            await good.VerifyDeployAsync(new NullProgress(), http, Ct);
        }

        // The local helm controller finishes a failed upgrade only at spec.timeout (5m as Slipway writes it) before it takes a
        // newer generation; an edit Slipway keeps shortens it, so the rollback right after the failed upgrade is not held 5m.
        ShortenHelmTimeout("clusters/auto/apps/web/helm-release.yaml");
        await using EnvironmentDelivery bad = await _fixture.OpenAsync("auto", log, variables);
        await bad.SyncAppsAsync("web", "r-9", Ct);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        SlipwayException failed = await Should.ThrowAsync<SlipwayException>(() => bad.VerifyDeployAsync(new NullProgress(), http, Ct));
        TimeSpan elapsed = clock.Elapsed;

        IReadOnlyList<ReleaseRecord> releases = ReleaseLog.Parse("auto", GitFixture.Git(_fixture.GitOpsRemote, "show", "main:releases/auto.yaml")).Releases;
        string holds = GitFixture.Git(_fixture.GitOpsRemote, "show", "main:holds/auto.yaml");
        string image = (await _fixture.ClusterFor("auto").ListDeploymentsAsync("auto-web", Ct)).Single().Spec.Template.Spec.Containers.Single().Image;
        failed.Kind.ShouldBe(FailureKind.Failed);
        failed.Message.ShouldContain("Verify of auto failed after SyncApps pushed in this run; release auto-2 is recorded as failed");
        failed.Message.ShouldContain("rollback.auto: rolled back automatically to release auto-1 (rollback(auto): web r-9 -> r-2), verified", customMessage: failed.Message);
        TestContext.Current.TestOutputHelper?.WriteLine($"auto-rollback run took {elapsed.TotalSeconds:0.0}s");
        failed.Message.ShouldContain("recorded as rollback auto-3");
        failed.Message.ShouldContain("web at r-2 in holds/auto.yaml");
        failed.Message.ShouldContain("./build.sh Resume --env auto --reason");
        failed.Message.ShouldContain("The deploy itself failed: exit 1.");
        releases.Select(r => (r.Id, r.Apps["web"], r.Verified, r.Kind)).ShouldBe(
        [
            ("auto-3", "registry.local/web:r-2", true, ReleaseKind.Rollback),
            ("auto-2", "registry.local/web:r-9", false, ReleaseKind.Deploy),
            ("auto-1", "registry.local/web:r-2", true, ReleaseKind.Deploy),
        ]);
        releases[0].Restores.ShouldBe("auto-1");
        releases[0].Reason!.ShouldStartWith("automatic rollback: Verify of release auto-2 failed: ");
        holds.ShouldContain("tag: r-2");
        image.ShouldBe("registry.local/web:r-2");
        log.Lines.ShouldContain(l => l.Contains("rollback.auto is on for auto: rolling back to the previous verified release.", StringComparison.Ordinal));
    }

    private void ShortenHelmTimeout(string path)
    {
        using var work = new TempDirectory("slipway-auto-edit");
        GitFixture.Git(work.Path, "clone", "-q", _fixture.GitOpsRemote, "clone");
        string clone = Path.Combine(work.Path, "clone");
        string file = Path.Combine(clone, path);
        File.WriteAllText(file, File.ReadAllText(file).Replace("timeout: 5m", "timeout: 10s", StringComparison.Ordinal));
        GitFixture.Git(clone, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "helm timeout 10s");
        GitFixture.Git(clone, "push", "-q", "origin", "main");
    }

    private sealed class NullProgress : IVerificationProgress
    {
        public void Report(VerificationReport report, TimeSpan elapsed, TimeSpan timeout)
        {
        }
    }
}
