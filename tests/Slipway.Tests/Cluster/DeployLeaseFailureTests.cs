using Slipway.Cluster;
using Slipway.Tests.Support;

namespace Slipway.Tests.Cluster;

/// <summary>The lease's refusals and failures, driven through a fake lease API (no cluster).</summary>
public sealed class DeployLeaseFailureTests
{
    private static readonly TimeSpan s_duration = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_lease_held_by_another_run_is_refused_naming_the_holder_and_the_delete_command()
    {
        var leases = new FakeLeases { CreateWins = false, Existing = FakeLeases.HeldBy("bob@ci run 8", DateTime.UtcNow, 60) };

        SlipwayException refused = await Should.ThrowAsync<SlipwayException>(
            () => DeployLease.AcquireAsync(leases, new LeaseRequest("staging", "alice", s_duration, "--kubeconfig k"), Ct));

        refused.Kind.ShouldBe(FailureKind.Refused);
        refused.Message.ShouldContain("Another deploy to staging is running: lease slipway-deploy-staging in namespace slipway-system is held by bob@ci run 8");
        refused.Message.ShouldContain("kubectl --kubeconfig k -n slipway-system delete lease slipway-deploy-staging");
        leases.ReplaceAttempts.ShouldBe(0);
    }

    [Fact]
    public async Task An_expired_lease_that_other_runs_keep_taking_first_is_refused_after_five_lost_races()
    {
        var leases = new FakeLeases { CreateWins = false, ReplaceWins = false, Existing = FakeLeases.HeldBy("crashed", DateTime.UtcNow.AddMinutes(-5), 60) };

        SlipwayException refused = await Should.ThrowAsync<SlipwayException>(
            () => DeployLease.AcquireAsync(leases, new LeaseRequest("staging", "alice", s_duration, string.Empty), Ct));

        refused.Kind.ShouldBe(FailureKind.Refused);
        refused.Message.ShouldBe("Could not take lease slipway-deploy-staging in namespace slipway-system: other runs keep changing it. Try again in a minute.");
        leases.ReplaceAttempts.ShouldBe(5);
    }

    [Fact]
    public async Task An_expired_lease_is_taken_over_with_a_warning_naming_the_previous_holder()
    {
        var log = new RecordingLog();
        var leases = new FakeLeases { CreateWins = false, Existing = FakeLeases.HeldBy("crashed", DateTime.UtcNow.AddMinutes(-5), 60) };

        await using DeployLease lease = await DeployLease.AcquireAsync(leases, new LeaseRequest("staging", "alice", s_duration, string.Empty) { Log = log }, Ct);

        lease.Holder.ShouldBe("alice");
        log.Lines.ShouldContain("warning: Took over the expired lease slipway-deploy-staging from crashed.");
    }

    [Fact]
    public async Task A_release_that_fails_is_a_warning_saying_the_lease_expires_by_itself()
    {
        var log = new RecordingLog();
        var leases = new FakeLeases { DeleteFailure = SlipwayException.Failed("the API server answered 503.") };
        DeployLease lease = await DeployLease.AcquireAsync(leases, new LeaseRequest("staging", "alice", s_duration, string.Empty) { Log = log }, Ct);

        await lease.DisposeAsync();

        log.Lines.ShouldContain("warning: Could not release lease slipway-deploy-staging: the API server answered 503. It expires by itself after 60s.");
    }
}
