using Slipway.GitOps;
using Slipway.GitOps.Git;
using Slipway.Releases;

namespace Slipway.Tests.GitOps;

public sealed class EnvironmentVersionsReaderTests : IDisposable
{
    private readonly GitFixture _fixture = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadAsync_ShowsWhatTheRemoteBranchRunsNow()
    {
        await _fixture.CreateRemoteAsync();
        var environment = new GitOpsEnvironment("staging", GitOpsEngine.Flux, _fixture.RemotePath, "main");
        IGitOpsRepository repository = _fixture.Open("writer");
        var deployer = new GitOpsDeployer(repository, environment);
        await deployer.DeployPlatformAsync([new PlatformRelease("ingress-nginx", "ingress-nginx", "https://charts.example.org", "4.11.3", "ingress-nginx")], GitFixture.Info(), Ct);
        GitOpsDeployResult apps = await deployer.SyncAppsAsync([new AppRelease("web", "ghcr.io/acme/web", "staging-123", 3, "web")], GitFixture.Info(), Ct);
        await new ReleaseRecorder(repository, TimeProvider.System).RecordAsync(
            "staging",
            new ReleaseInput
            {
                Who = "ada",
                SourceCommit = "abc",
                GitOpsCommit = apps.CommitSha,
                RunId = "run-1",
                Verified = true,
                Apps = new Dictionary<string, string> { ["web"] = "ghcr.io/acme/web:staging-123" },
                Charts = new Dictionary<string, string>(),
            },
            GitFixture.Info(),
            Ct);

        IGitOpsRepository reader = _fixture.Open("reader");
        EnvironmentVersions versions = await EnvironmentVersionsReader.ReadAsync(reader, environment, Ct);
        ReleaseHistory releases = await ReleaseRecorder.ReadAsync(reader, "staging", Ct);

        versions.CommitSha.ShouldBe(_fixture.RemoteHead());
        versions.Apps.ShouldBe([new RunningApp("web", "ghcr.io/acme/web", "staging-123", 3, "clusters/staging/apps/web/helm-release.yaml")]);
        versions.Charts.ShouldBe([new RunningChart("ingress-nginx", "ingress-nginx", "4.11.3", "clusters/staging/platform/ingress-nginx.yaml")]);
        releases.Latest!.Id.ShouldBe("staging-1");
        IReadOnlyList<string> table = versions.FormatTable();
        table[1].ShouldBe("KIND   NAME           VERSION                       REPLICAS");
        table[2].ShouldBe("app    web            ghcr.io/acme/web:staging-123  3");
        table[3].ShouldBe("chart  ingress-nginx  ingress-nginx 4.11.3");
        table.Count.ShouldBe(4);
        releases.FormatLatest()[0].ShouldStartWith("Last release: staging-1 (verified)");
    }

    [Fact]
    public async Task ReadAsync_EmptyEnvironmentSaysSo()
    {
        await _fixture.CreateRemoteAsync();

        IGitOpsRepository reader = _fixture.Open("reader");
        EnvironmentVersions versions = await EnvironmentVersionsReader.ReadAsync(reader, new GitOpsEnvironment("dev", GitOpsEngine.Flux, _fixture.RemotePath, "main"), Ct);
        ReleaseHistory releases = await ReleaseRecorder.ReadAsync(reader, "dev", Ct);

        versions.Apps.ShouldBeEmpty();
        versions.FormatTable().ShouldContain("(nothing deployed yet: run SyncApps or DeployPlatform)");
        releases.FormatLatest().ShouldContain("Last release: none recorded");
    }

    public void Dispose() => _fixture.Dispose();
}
