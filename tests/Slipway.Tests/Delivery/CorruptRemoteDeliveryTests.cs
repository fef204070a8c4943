using System.Diagnostics;
using Slipway.Delivery;
using Slipway.Tests.GitOps;
using Slipway.Tests.Rollback;
using Slipway.Tests.Support;

namespace Slipway.Tests.Delivery;

/// <summary>
/// Issue 12: a tree object of the GitOps remote's <c>main</c> is deleted (the folder of another environment, which the next
/// push does not send again) and the cluster has not fetched <c>main</c> yet (as a new environment's own cluster): the
/// deploy fails at once with the GitRepository's reason and the next command, instead of waiting out its sync timeout.
/// </summary>
public sealed class CorruptRemoteDeliveryTests : IClassFixture<RollbackClusterFixture>
{
    private readonly RollbackClusterFixture _fixture;

    public CorruptRemoteDeliveryTests(RollbackClusterFixture fixture)
    {
        _fixture = fixture;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_deploy_against_a_remote_whose_tree_is_missing_fails_fast_with_the_git_repositorys_reason()
    {
        string env = await _fixture.AddEnvironmentAsync("corrupt", "r-2", string.Empty);
        await using (EnvironmentDelivery first = await _fixture.OpenAsync(env, new RecordingLog()))
        {
            await first.DeployPlatformAsync(Ct);
            await first.SyncAppsAsync(null, null, Ct);
        }

        string tree = GitFixture.Git(_fixture.GitOpsRemote, "rev-parse", "main:clusters/corrupt");
        File.Delete(Path.Combine(_fixture.GitOpsRemote, "objects", tree[..2], tree[2..]));

        // corrupt-next has a cluster of its own, which has fetched nothing yet: its source controller must fetch the broken main.
        string next = await _fixture.AddEnvironmentAsync("corrupt-next", "r-2", string.Empty);
        await using EnvironmentDelivery again = await _fixture.OpenAsync(next, new RecordingLog());
        var clock = Stopwatch.StartNew();
        SlipwayException failure = await Should.ThrowAsync<SlipwayException>(() => again.DeployPlatformAsync(Ct));

        TestContext.Current.TestOutputHelper?.WriteLine($"failed after {clock.Elapsed.TotalSeconds:0.0}s (sync timeout 60s): {failure.Message}");
        failure.Kind.ShouldBe(FailureKind.Failed);
        failure.Message.ShouldStartWith("Flux cannot fetch the GitOps source, so it cannot apply main@sha1:");
        failure.Message.ShouldContain("GitRepository flux-system/slipway-gitops is not Ready (GitOperationFailed): ");
        failure.Message.ShouldContain($"repair branch main of {_fixture.GitOpsRemote}");
        failure.Message.ShouldContain("./build.sh SyncApps --env corrupt-next");
        failure.Message.ShouldNotContain("within");
    }
}
