using k8s.Models;
using Slipway.Cluster;
using Slipway.Tests.Support;

namespace Slipway.Tests.Cluster;

/// <summary>The deploy lease against the real local cluster: one run at a time per environment.</summary>
public sealed class DeployLeaseTests : IClassFixture<LocalClusterFixture>
{
    private static readonly TimeSpan s_long = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_short = TimeSpan.FromSeconds(1);
    private readonly KubernetesCluster _cluster;

    public DeployLeaseTests(LocalClusterFixture fixture)
    {
        _cluster = fixture.Cluster;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Acquire_creates_the_lease_in_slipway_system()
    {
        await using DeployLease lease = await AcquireAsync("lease-create", "alice", s_long);

        V1Lease? stored = await _cluster.ReadLeaseAsync(DeployLease.Namespace, "slipway-deploy-lease-create", Ct);

        stored.ShouldNotBeNull();
        lease.Name.ShouldBe("slipway-deploy-lease-create");
        stored.Spec.HolderIdentity.ShouldBe("alice");
        stored.Spec.LeaseDurationSeconds.ShouldBe(60);
        stored.Metadata.Labels["app.kubernetes.io/managed-by"].ShouldBe("slipway");
    }

    [Fact]
    public async Task A_second_holder_is_refused_with_the_holder_and_the_expiry()
    {
        await using DeployLease first = await AcquireAsync("lease-refuse", "alice@laptop run 7", s_long);

        SlipwayException refused = await Should.ThrowAsync<SlipwayException>(() => AcquireAsync("lease-refuse", "bob@ci run 8", s_long));

        V1Lease stored = (await _cluster.ReadLeaseAsync(DeployLease.Namespace, first.Name, Ct))!;
        DateTime expires = stored.Spec.RenewTime!.Value.ToUniversalTime().AddSeconds(stored.Spec.LeaseDurationSeconds!.Value);
        refused.Kind.ShouldBe(FailureKind.Refused);
        refused.Message.ShouldContain("held by alice@laptop run 7");
        refused.Message.ShouldContain($"expires at {expires:HH:mm:ss}Z");
        refused.Message.ShouldContain("kubectl --kubeconfig");
        stored.Spec.HolderIdentity.ShouldBe("alice@laptop run 7");
    }

    [Fact]
    public async Task An_expired_lease_is_taken_over()
    {
        var log = new RecordingLog();
        await using DeployLease dead = await DeployLease.AcquireAsync(_cluster, new LeaseRequest("lease-expired", "crashed-run", s_short, string.Empty) { Time = TestClock.Stalled(), Log = log }, Ct);

        await using DeployLease taken = await AcquireWhenFreeAsync("lease-expired", "bob", s_long, log);

        V1Lease stored = (await _cluster.ReadLeaseAsync(DeployLease.Namespace, taken.Name, Ct))!;
        stored.Spec.HolderIdentity.ShouldBe("bob");
        stored.Spec.LeaseTransitions.ShouldBe(1);
        log.Lines.ShouldContain("warning: Took over the expired lease slipway-deploy-lease-expired from crashed-run.");
    }

    [Fact]
    public async Task A_lease_held_by_a_dead_process_on_this_host_is_taken_over_at_once_saying_so()
    {
        int deadPid = await DeadProcessIdAsync();
        string crashed = $"alice@{Environment.MachineName} pid {deadPid} run local";
        var log = new RecordingLog();
        await using DeployLease dead = await AcquireAsync("lease-dead-pid", crashed, s_long);

        await using DeployLease taken = await DeployLease.AcquireAsync(_cluster, new LeaseRequest("lease-dead-pid", "bob", s_long, string.Empty) { Log = log }, Ct);

        V1Lease stored = (await _cluster.ReadLeaseAsync(DeployLease.Namespace, taken.Name, Ct))!;
        stored.Spec.HolderIdentity.ShouldBe("bob");
        stored.Spec.LeaseTransitions.ShouldBe(1);
        log.Lines.ShouldContain(l => l.StartsWith(
            $"warning: Took over lease slipway-deploy-lease-dead-pid from {crashed}: its process {deadPid} on this host ({Environment.MachineName}) is no longer running",
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_live_holder_on_this_host_is_refused_naming_holder_host_pid_and_since()
    {
        string alive = $"alice@{Environment.MachineName} pid {Environment.ProcessId} run 7";
        await using DeployLease first = await AcquireAsync("lease-live-pid", alive, s_long);

        SlipwayException refused = await Should.ThrowAsync<SlipwayException>(() => AcquireAsync("lease-live-pid", "bob", s_long));

        V1Lease stored = (await _cluster.ReadLeaseAsync(DeployLease.Namespace, first.Name, Ct))!;
        refused.Kind.ShouldBe(FailureKind.Refused);
        refused.Message.ShouldContain($"is held by {alive} (host {Environment.MachineName}, pid {Environment.ProcessId}) since {stored.Spec.AcquireTime!.Value.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z");
        stored.Spec.HolderIdentity.ShouldBe(alive);
    }

    [Fact]
    public async Task A_holder_on_another_host_is_never_presumed_dead()
    {
        int deadPid = await DeadProcessIdAsync();
        string elsewhere = $"carol@build-agent-{Guid.NewGuid():N} pid {deadPid} run 12";
        await using DeployLease first = await AcquireAsync("lease-other-host", elsewhere, s_long);

        SlipwayException refused = await Should.ThrowAsync<SlipwayException>(() => AcquireAsync("lease-other-host", "bob", s_long));

        refused.Kind.ShouldBe(FailureKind.Refused);
        refused.Message.ShouldContain($"is held by {elsewhere} (host build-agent-");
        (await _cluster.ReadLeaseAsync(DeployLease.Namespace, first.Name, Ct))!.Spec.HolderIdentity.ShouldBe(elsewhere);
    }

    [Fact]
    public async Task Release_deletes_the_lease()
    {
        DeployLease lease = await AcquireAsync("lease-release", "alice", s_long);

        await lease.ReleaseAsync(Ct);
        await lease.ReleaseAsync(Ct);

        (await _cluster.ReadLeaseAsync(DeployLease.Namespace, lease.Name, Ct)).ShouldBeNull();
        await using DeployLease next = await AcquireAsync("lease-release", "bob", s_long);
        next.Holder.ShouldBe("bob");
    }

    [Fact]
    public async Task Renewal_keeps_the_lease_alive_past_its_duration()
    {
        await using DeployLease lease = await AcquireAsync("lease-renew", "alice", s_short);
        V1Lease created = (await _cluster.ReadLeaseAsync(DeployLease.Namespace, lease.Name, Ct))!;
        DateTime firstExpiry = created.Spec.RenewTime!.Value.ToUniversalTime().AddSeconds(1);

        V1Lease renewed = await PollAsync(
            async () => await _cluster.ReadLeaseAsync(DeployLease.Namespace, lease.Name, Ct) is { } l && DateTime.UtcNow > firstExpiry.AddSeconds(1) && l.Spec.RenewTime!.Value.ToUniversalTime() > firstExpiry ? l : null,
            "the lease to be renewed past its first expiry");
        SlipwayException refused = await Should.ThrowAsync<SlipwayException>(() => AcquireAsync("lease-renew", "bob", s_short));

        renewed.Spec.HolderIdentity.ShouldBe("alice");
        refused.Kind.ShouldBe(FailureKind.Refused);
        refused.Message.ShouldContain("held by alice");
    }

    [Fact]
    public async Task Release_after_a_takeover_leaves_the_other_runs_lease()
    {
        var log = new RecordingLog();
        DeployLease stalled = await DeployLease.AcquireAsync(_cluster, new LeaseRequest("lease-takeover", "alice", s_short, string.Empty) { Time = TestClock.Stalled(), Log = log }, Ct);
        await using DeployLease bob = await AcquireWhenFreeAsync("lease-takeover", "bob", s_long, log);

        await stalled.ReleaseAsync(Ct);

        V1Lease? stored = await _cluster.ReadLeaseAsync(DeployLease.Namespace, bob.Name, Ct);
        stored.ShouldNotBeNull();
        stored.Spec.HolderIdentity.ShouldBe("bob");
        await bob.ReleaseAsync(Ct);
        (await _cluster.ReadLeaseAsync(DeployLease.Namespace, bob.Name, Ct)).ShouldBeNull();
    }

    /// <summary>The id of a process of this host that ran and exited (reaped), so no process has it now.</summary>
    private static async Task<int> DeadProcessIdAsync()
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!;
        int pid = process.Id;
        await process.WaitForExitAsync(Ct);
        Directory.Exists($"/proc/{pid}").ShouldBeFalse($"process {pid} should be gone");
        return pid;
    }

    private Task<DeployLease> AcquireAsync(string environment, string holder, TimeSpan duration)
        => DeployLease.AcquireAsync(_cluster, new LeaseRequest(environment, holder, duration, _cluster.Target.KubectlArguments), Ct);

    /// <summary>Tries to take the lease until the current holder's lease has expired (bounded).</summary>
    private Task<DeployLease> AcquireWhenFreeAsync(string environment, string holder, TimeSpan duration, ILog log)
        => PollAsync(
            async () =>
            {
                try
                {
                    return await DeployLease.AcquireAsync(_cluster, new LeaseRequest(environment, holder, duration, string.Empty) { Log = log }, Ct);
                }
                catch (SlipwayException ex) when (ex.Kind == FailureKind.Refused)
                {
                    return null;
                }
            },
            $"lease of {environment} to expire");

    private static async Task<T> PollAsync<T>(Func<Task<T?>> attempt, string what)
        where T : class
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        limit.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            if (await attempt() is { } result)
            {
                return result;
            }

            if (limit.IsCancellationRequested)
            {
                throw new TimeoutException($"Gave up waiting for {what}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), Ct);
        }
    }
}
