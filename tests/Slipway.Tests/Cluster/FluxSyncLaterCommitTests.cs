using Slipway.Cluster;
using Slipway.GitOps;
using Slipway.GitOps.Git;
using Slipway.GitOps.Manifests;
using Slipway.Hosting;
using Slipway.Tests.GitOps;
using Slipway.Tests.Support;

namespace Slipway.Tests.Cluster;

/// <summary>
/// FluxSync when another run pushes right after this one: Flux applies the branch's newest commit, which includes this
/// run's commit, and never this commit alone — the wait ends on the later commit instead of timing out.
/// </summary>
public sealed class FluxSyncLaterCommitTests : IClassFixture<LocalClusterFixture>
{
    private readonly LocalClusterFixture _fixture;

    public FluxSyncLaterCommitTests(LocalClusterFixture fixture)
    {
        _fixture = fixture;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_later_commit_that_includes_the_pushed_one_ends_the_wait()
    {
        TestGitOps gitops = await TestGitOps.OpenAsync(_fixture.Root, "flux-later");
        GitOpsDeployResult pushed = await gitops.Deployer.SyncAppsAsync([new AppRelease("web", "registry.local/web", "2.0.0", 1, "flux-later-web")], GitFixture.Info("flux-later"), Ct);
        IGitOpsRepository otherRunner = GitOpsRepository.Open(
            new GitOpsRepositoryOptions(gitops.Environment.SourceUrl, "main", Path.Combine(_fixture.Root, "other-runner-clone")),
            new DictionaryEnvironmentVariables(),
            NullLog.Instance,
            TimeProvider.System);
        PushResult later = await otherRunner.PushChangeAsync(
            async (tree, ct) =>
            {
                await tree.WriteTextAsync("clusters/other/readme.md", "another environment\n", ct);
                return new ChangeDescription("docs(other): a push right after flux-later's");
            },
            GitFixture.Info("other"),
            Ct);
        var flux = new FluxSync(_fixture.Cluster, TimeProvider.System) { PollInterval = TimeSpan.FromMilliseconds(100) };
        var log = new RecordingLog();

        await flux.ApplyAsync(ManifestDocuments.Bootstrap(gitops.Environment), Ct);
        string applied = await flux.ReconcileAndWaitAsync(
            new FluxReconcileRequest("flux-later", GitOpsPaths.SourceName, "main", pushed.CommitSha)
            {
                Timeout = TimeSpan.FromSeconds(60),
                Log = log,
                Includes = (revision, ct) => gitops.Repository.ContainsAsync(revision, pushed.CommitSha, ct),
            },
            Ct);

        string says = $"a later commit of main that includes {pushed.CommitSha[..12]}";
        applied.ShouldBe($"main@sha1:{later.CommitSha}");
        log.Lines.ShouldContain(l => l.Contains(says, StringComparison.Ordinal));
    }
}
