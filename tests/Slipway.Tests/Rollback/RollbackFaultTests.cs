using Slipway.Cluster;
using Slipway.Delivery;
using Slipway.GitOps;
using Slipway.GitOps.Git;
using Slipway.Hosting;
using Slipway.LocalCluster.Hosting;
using Slipway.Releases;
using Slipway.Rollback;
using Slipway.Tests.GitOps;
using Slipway.Tests.Support;

namespace Slipway.Tests.Rollback;

/// <summary>
/// The faults of a rollback on the local cluster: an image no longer in the registry (exit 2, nothing written), another
/// deploy holding the lease (exit 3, nothing written), a push race (the edit redone on the new head, one whole commit), and
/// Verify failing after the rollback (exit 1, the report says the hold stays, and it does).
/// </summary>
public sealed class RollbackFaultTests : IClassFixture<RollbackClusterFixture>
{
    private readonly RollbackClusterFixture _fixture;

    public RollbackFaultTests(RollbackClusterFixture fixture)
    {
        _fixture = fixture;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Missing_image_held_lease_push_race_and_failing_verify_each_end_as_the_issue_says()
    {
        using var http = new HttpClient();
        var variables = new Dictionary<string, string> { [EnvironmentDelivery.FailFastVariable] = "15s" };
        await using (EnvironmentDelivery deploy = await _fixture.OpenAsync("rb", new RecordingLog(), variables))
        {
            await deploy.DeployPlatformAsync(Ct);
            await deploy.SyncAppsAsync(null, null, Ct);
            await deploy.VerifyAndRecordAsync(NullVerificationProgress.Instance, http, Ct);
            await deploy.SyncAppsAsync("web", "r-2", Ct);
            await deploy.VerifyAndRecordAsync(NullVerificationProgress.Instance, http, Ct);
        }

        string head = Head();

        // an image no longer in the registry: exit 2 naming it and how to publish it, nothing written
        SlipwayException missing;
        await using (EnvironmentDelivery delivery = await _fixture.OpenAsync("rb", new RecordingLog(), variables))
        {
            RollbackPlan plan = await delivery.PlanRollbackAsync(new RollbackRequest { Tag = "r-9", App = "web", AllowNewTag = true }, Ct);
            missing = await Should.ThrowAsync<SlipwayException>(() => delivery.RollbackAsync(plan, Ct));
        }

        string headAfterMissing = Head();

        // another deploy holds the lease: exit 3, nothing written
        SlipwayException leased;
        await using (DeployLease other = await DeployLease.AcquireAsync(_fixture.ClusterFor("rb"), new LeaseRequest("rb", "ci-run-77 on build-host", TimeSpan.FromMinutes(2), string.Empty), Ct))
        {
            await using EnvironmentDelivery delivery = await _fixture.OpenAsync("rb", new RecordingLog(), variables);
            RollbackPlan plan = await delivery.PlanRollbackAsync(new RollbackRequest { Tag = "r-1" }, Ct);
            leased = await Should.ThrowAsync<SlipwayException>(() => delivery.RollbackAsync(plan, Ct));
            await other.ReleaseAsync(Ct);
        }

        string headAfterLease = Head();

        // a push race: another commit lands between the rollback's read and its push; the edit runs again on the new head
        PushResult raced;
        await using (EnvironmentDelivery delivery = await _fixture.OpenAsync("rb", new RecordingLog(), variables))
        {
            RollbackPlan plan = await delivery.PlanRollbackAsync(new RollbackRequest { Tag = "r-1", Reason = "race" }, Ct);
            using var clone = new TempDirectory("slipway-race-clone");
            IGitOpsRepository repository = GitOpsRepository.Open(new GitOpsRepositoryOptions(_fixture.GitOpsRemote, "main", clone.Path), new DictionaryEnvironmentVariables(), NullLog.Instance, TimeProvider.System);
            var racing = new RacingRepository(repository, () => PushCompetingCommit("clusters/rb/apps/web/helm-release.yaml"));
            var environment = new GitOpsEnvironment("rb", GitOpsEngine.Flux, _fixture.GitOpsRemote, "main");
            raced = await new RollbackWriter(racing, environment, TimeProvider.System).WriteAsync(plan, new CommitInfo("Ada", "ada@example.org", "rb", "0000000", "test"), Ct);
        }

        string rolledBack = GitFixture.Git(_fixture.GitOpsRemote, "show", "main:clusters/rb/apps/web/helm-release.yaml");
        string racedParent = GitFixture.Git(_fixture.GitOpsRemote, "log", "-1", "--format=%s", "main~1");
        string racedFiles = GitFixture.Git(_fixture.GitOpsRemote, "show", "--name-only", "--format=", "main");

        // Verify failing after a rollback: exit 1, the report says the hold stays, and it does
        await LocalClusterCommands.PublishImageAsync(
            new LocalClusterOptions { StateDirectory = new SlipwayPaths(_fixture.Root).LocalCluster }.ResolvedImageCatalogPath, "registry.local/web", "r-4", crash: true, NullLog.Instance, Ct);
        SlipwayException failed;
        IReadOnlyList<Hold> holdsAfterFailure;
        await using (EnvironmentDelivery delivery = await _fixture.OpenAsync("rb", new RecordingLog(), variables))
        {
            await delivery.ResumeAsync(null, "after the race", Ct);
            RollbackPlan plan = await delivery.PlanRollbackAsync(new RollbackRequest { Tag = "r-4", App = "web", AllowNewTag = true, Reason = "try r-4" }, Ct);
            await delivery.RollbackAsync(plan, Ct);
            failed = await Should.ThrowAsync<SlipwayException>(() => delivery.VerifyRollbackAsync(NullVerificationProgress.Instance, http, Ct));
            holdsAfterFailure = await delivery.ReadHoldsAsync(Ct);
        }

        ReleaseRecord last = ReleaseLog.Parse("rb", GitFixture.Git(_fixture.GitOpsRemote, "show", "main:releases/rb.yaml")).Releases.OrderByDescending(r => r.Number).First();

        missing.Kind.ShouldBe(FailureKind.Input);
        missing.Message.ShouldContain("registry.local/web:r-9 is no longer in the registry the cluster pulls from");
        missing.Message.ShouldContain("./build.sh PublishImage --image registry.local/web --tag r-9");
        missing.Message.ShouldContain("./build.sh History --env rb");
        headAfterMissing.ShouldBe(head);
        leased.Kind.ShouldBe(FailureKind.Refused);
        leased.Message.ShouldContain("ci-run-77 on build-host");
        headAfterLease.ShouldBe(head);
        raced.Attempts.ShouldBe(2);
        racedParent.ShouldBe("another pusher");
        rolledBack.ShouldContain("# edited by another pusher");
        rolledBack.ShouldContain("tag: r-1");
        racedFiles.Split('\n').ShouldBe(["clusters/rb/apps/web/helm-release.yaml", "holds/rb.yaml"], ignoreOrder: true);
        failed.Kind.ShouldBe(FailureKind.Failed);
        failed.Message.ShouldContain("the hold stays (web at r-4 in holds/rb.yaml)");
        failed.Message.ShouldContain("./build.sh Rollback --env rb --release ID");
        holdsAfterFailure.Single().Tag.ShouldBe("r-4");
        last.Kind.ShouldBe(ReleaseKind.Rollback);
        last.Verified.ShouldBeFalse();
    }

    private string Head() => GitFixture.Git(_fixture.GitOpsRemote, "rev-parse", "main");

    /// <summary>Another pusher: appends a comment to <paramref name="path"/> (a change the rollback's edit must keep) and pushes.</summary>
    private void PushCompetingCommit(string path)
    {
        using var work = new TempDirectory("slipway-race-other");
        GitFixture.Git(work.Path, "clone", "-q", _fixture.GitOpsRemote, "clone");
        string clone = Path.Combine(work.Path, "clone");
        File.AppendAllText(Path.Combine(clone, path), "# edited by another pusher\n");
        GitFixture.Git(clone, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "another pusher");
        GitFixture.Git(clone, "push", "-q", "origin", "main");
    }

    /// <summary>The repository, with another push landing on the remote right after the first run of each edit (before its push).</summary>
    private sealed class RacingRepository(IGitOpsRepository inner, Action compete) : DelegatingGitOpsRepository(inner)
    {
        public override Task<PushResult> PushChangeAsync(Func<IGitOpsWorkTree, CancellationToken, Task<ChangeDescription?>> edit, CommitInfo info, CancellationToken cancellationToken)
        {
            int runs = 0;
            return base.PushChangeAsync(
                async (tree, ct) =>
                {
                    ChangeDescription? change = await edit(tree, ct);
                    if (++runs == 1)
                    {
                        compete();
                    }

                    return change;
                },
                info,
                cancellationToken);
        }
    }
}
