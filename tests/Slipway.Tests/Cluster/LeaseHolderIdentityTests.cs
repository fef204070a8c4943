using Slipway.Cluster;

namespace Slipway.Tests.Cluster;

/// <summary>Reading host and pid out of a lease's holderIdentity, and telling a dead holder of this host from others.</summary>
public sealed class LeaseHolderIdentityTests
{
    [Fact]
    public void The_identity_this_process_writes_names_this_host_and_pid_and_is_alive()
    {
        var identity = LeaseHolderIdentity.Parse(LeaseHolderIdentity.Format("alice", "4711"));

        identity.Host.ShouldBe(Environment.MachineName);
        identity.Pid.ShouldBe(Environment.ProcessId);
        identity.Text.ShouldEndWith(" run 4711");
        identity.IsDeadProcessOnThisHost().ShouldBeFalse();
    }

    [Theory]
    [InlineData("release-bot@ci run 4711")]
    [InlineData("alice")]
    [InlineData(null)]
    public void An_identity_without_host_and_pid_is_never_presumed_dead(string? text)
    {
        var identity = LeaseHolderIdentity.Parse(text);

        identity.Pid.ShouldBeNull();
        identity.Where.ShouldBeEmpty();
        identity.IsDeadProcessOnThisHost().ShouldBeFalse();
    }

    [Fact]
    public void A_pid_with_no_process_on_this_host_is_dead_and_on_another_host_is_not()
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!;
        int pid = process.Id;
        process.WaitForExit();

        LeaseHolderIdentity.Parse($"bob@{Environment.MachineName} pid {pid} run local").IsDeadProcessOnThisHost().ShouldBeTrue();
        LeaseHolderIdentity.Parse($"bob@elsewhere-{Guid.NewGuid():N} pid {pid} run local").IsDeadProcessOnThisHost().ShouldBeFalse();
    }
}
