using Slipway.GitOps;
using Slipway.Hosting;
using Slipway.Releases;

namespace Slipway.Tests.GitOps;

public sealed class GitOpsConnectionTests : IDisposable
{
    private readonly GitFixture _fixture = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpenAsync_LocalRepository_DeploysRecordsAndReportsWhatRuns()
    {
        GitOpsConnection gitops = await Open();

        GitOpsDeployResult deploy = await gitops.Deployer.SyncAppsAsync([new AppRelease("web", "ghcr.io/acme/web", "staging-123", 2, "web")], GitFixture.Info(), Ct);
        await gitops.Releases.RecordAsync(
            "staging",
            new ReleaseInput("ada", "src", deploy.CommitSha, "run-1", true, new Dictionary<string, string> { ["web"] = "ghcr.io/acme/web:staging-123" }, new Dictionary<string, string>()),
            GitFixture.Info(),
            Ct);
        GitOpsConnection again = await Open();
        EnvironmentVersions versions = await again.ReadVersionsAsync(Ct);
        ReleaseHistory releases = await again.ReadReleasesAsync(Ct);

        string bare = Path.Combine(_fixture.Root, ".nuke", "temp", "gitops-remote.git");
        gitops.Environment.SourceUrl.ShouldBe(bare);
        GitFixture.Git(bare, "show", "main:clusters/staging/flux-system/gotk-sync.yaml").ShouldContain($"url: {bare}");
        Directory.Exists(Path.Combine(_fixture.Root, ".nuke", "temp", "gitops", ".git")).ShouldBeTrue();
        versions.Apps.Single().Tag.ShouldBe("staging-123");
        releases.LatestVerified!.GitOpsCommit.ShouldBe(deploy.CommitSha);
    }

    public void Dispose() => _fixture.Dispose();

    private Task<GitOpsConnection> Open()
        => GitOpsConnection.OpenAsync(_fixture.Root, "staging", new GitOpsSettings(), new DictionaryEnvironmentVariables(), NullLog.Instance, TimeProvider.System, Ct);
}
