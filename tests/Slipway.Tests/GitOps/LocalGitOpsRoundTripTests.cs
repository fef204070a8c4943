using Slipway.GitOps;
using Slipway.Releases;

namespace Slipway.Tests.GitOps;

/// <summary><c>repository: local</c> end to end: deploy, record a release, open again and read what runs and what was released.</summary>
public sealed class LocalGitOpsRoundTripTests : IDisposable
{
    private readonly GitFixture _fixture = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_local_repository_deploys_records_and_reports_what_runs()
    {
        TestGitOps gitops = await TestGitOps.OpenAsync(_fixture.Root, "staging");

        GitOpsDeployResult deploy = await gitops.Deployer.SyncAppsAsync([new AppRelease("web", "ghcr.io/acme/web", "staging-123", 2, "web")], GitFixture.Info(), Ct);
        await new ReleaseRecorder(gitops.Repository, TimeProvider.System).RecordAsync(
            "staging",
            new ReleaseInput
            {
                Who = "ada",
                SourceCommit = "src",
                GitOpsCommit = deploy.CommitSha,
                RunId = "run-1",
                Verified = true,
                Apps = new Dictionary<string, string> { ["web"] = "ghcr.io/acme/web:staging-123" },
                Charts = new Dictionary<string, string>(),
            },
            GitFixture.Info(),
            Ct);
        TestGitOps again = await TestGitOps.OpenAsync(_fixture.Root, "staging");
        EnvironmentVersions versions = await EnvironmentVersionsReader.ReadAsync(again.Repository, again.Environment, Ct);
        ReleaseHistory releases = await ReleaseRecorder.ReadAsync(again.Repository, "staging", Ct);

        string bare = Path.Combine(_fixture.Root, ".nuke", "temp", "gitops-remote.git");
        gitops.Environment.SourceUrl.ShouldBe(bare);
        GitFixture.Git(bare, "show", "main:clusters/staging/flux-system/gotk-sync.yaml").ShouldContain($"url: {bare}");
        Directory.Exists(Path.Combine(_fixture.Root, ".nuke", "temp", "gitops", ".git")).ShouldBeTrue();
        versions.Apps.Single().Tag.ShouldBe("staging-123");
        releases.LatestVerified!.GitOpsCommit.ShouldBe(deploy.CommitSha);
    }

    public void Dispose() => _fixture.Dispose();
}
