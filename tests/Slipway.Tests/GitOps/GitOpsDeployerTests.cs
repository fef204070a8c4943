using System.Text.Json.Nodes;
using Slipway.GitOps;
using Slipway.GitOps.Git;

namespace Slipway.Tests.GitOps;

public sealed class GitOpsDeployerTests : IDisposable
{
    private readonly GitFixture _fixture = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AppRelease Web(string tag) => new("web", "ghcr.io/acme/web", tag, 2, "web");

    private static PlatformRelease Ingress(string version) => new(
        "ingress-nginx", "ingress-nginx", "https://kubernetes.github.io/ingress-nginx", version, "ingress-nginx", new JsonObject { ["controller"] = new JsonObject { ["replicaCount"] = 1 } });

    private GitOpsDeployer Deployer(GitOpsEngine engine = GitOpsEngine.Flux, string clone = "clone")
        => new(_fixture.Open(clone), new GitOpsEnvironment("staging", engine, _fixture.RemotePath, "main"));

    [Fact]
    public async Task SyncApps_FirstDeployBootstrapsAndWritesTheApp()
    {
        await _fixture.CreateRemoteAsync();

        GitOpsDeployResult result = await Deployer().SyncAppsAsync([Web("staging-122")], GitFixture.Info(), Ct);

        result.Push.Changed.ShouldBeTrue();
        result.CommitSha.ShouldBe(_fixture.RemoteHead());
        result.Changes.ShouldBe([new VersionChange("web", null, "staging-122")]);
        GitFixture.Git(_fixture.RemotePath, "log", "-1", "--format=%s").ShouldBe("deploy(staging): web (new) -> staging-122");
        _fixture.RemoteFile("clusters/staging/flux-system/gotk-sync.yaml").ShouldContain($"url: {_fixture.RemotePath}");
        _fixture.RemoteFile("clusters/staging/apps/web/helm-release.yaml").ShouldContain("tag: staging-122");
    }

    [Fact]
    public async Task SyncApps_RendersIntoTheEnvironmentsGitOpsPath()
    {
        await _fixture.CreateRemoteAsync();
        var environment = new GitOpsEnvironment("staging", GitOpsEngine.Flux, _fixture.RemotePath, "main") { Path = "fleet/eu/staging" };

        await new GitOpsDeployer(_fixture.Open(), environment).SyncAppsAsync([Web("staging-122")], GitFixture.Info(), Ct);
        EnvironmentVersions versions = await EnvironmentVersionsReader.ReadAsync(_fixture.Open("reader"), environment, Ct);

        _fixture.RemoteFile("fleet/eu/staging/apps/web/helm-release.yaml").ShouldContain("tag: staging-122");
        _fixture.RemoteFile("fleet/eu/staging/flux-system/gotk-sync.yaml").ShouldContain("path: ./fleet/eu/staging");
        GitFixture.Git(_fixture.RemotePath, "ls-tree", "-r", "--name-only", "main").ShouldNotContain("clusters/staging");
        versions.Apps.Single().Path.ShouldBe("fleet/eu/staging/apps/web/helm-release.yaml");
    }

    [Fact]
    public async Task SyncApps_WritesAGenericChartOnceAndNeverOverwritesAnEditedOne()
    {
        await _fixture.CreateRemoteAsync();
        GitOpsDeployer deployer = Deployer();
        await deployer.SyncAppsAsync([Web("staging-122")], GitFixture.Info(), Ct);
        IGitOpsRepository person = _fixture.Open("person");
        await person.PushChangeAsync(
            async (tree, ct) =>
            {
                await tree.WriteTextAsync("charts/web/values.yaml", "containerPort: 9090\n", ct);
                return new ChangeDescription("web listens on 9090");
            },
            GitFixture.Info(),
            Ct);

        await deployer.SyncAppsAsync([Web("staging-123")], GitFixture.Info(), Ct);

        _fixture.RemoteFile("charts/web/Chart.yaml").ShouldContain("name: web");
        _fixture.RemoteFile("charts/web/templates/deployment.yaml").ShouldContain("image: \"{{ .Values.image.repository }}:{{ .Values.image.tag }}\"");
        _fixture.RemoteFile("charts/web/values.yaml").ShouldBe("containerPort: 9090");
        _fixture.RemoteFile("clusters/staging/apps/web/helm-release.yaml").ShouldContain("chart: ./charts/web");
    }

    [Fact]
    public async Task SyncApps_NewTagChangesOnlyTheTagAndKeepsHandEdits()
    {
        await _fixture.CreateRemoteAsync();
        GitOpsDeployer deployer = Deployer();
        await deployer.SyncAppsAsync([Web("staging-122"), Web("x") with { Name = "api", Tag = "1.4.0" }], GitFixture.Info(), Ct);
        string path = "clusters/staging/apps/web/helm-release.yaml";
        IGitOpsRepository person = _fixture.Open("person");
        await person.PushChangeAsync(
            async (tree, ct) =>
            {
                string text = (await tree.ReadTextAsync(path, ct))!;
                await tree.WriteTextAsync(path, text.Replace("  interval: 5m\n", "  interval: 5m # hand-tuned\n\n", StringComparison.Ordinal), ct);
                return new ChangeDescription("tune web by hand");
            },
            GitFixture.Info(),
            Ct);
        string before = _fixture.RemoteFile(path);

        GitOpsDeployResult result = await deployer.SyncAppsAsync([Web("staging-123"), Web("x") with { Name = "api", Tag = "1.5.0" }], GitFixture.Info(), Ct);

        GitFixture.Git(_fixture.RemotePath, "log", "-1", "--format=%s").ShouldBe("deploy(staging): web staging-122 -> staging-123, api 1.4.0 -> 1.5.0");
        _fixture.RemoteFile(path).ShouldBe(before.Replace("tag: staging-122", "tag: staging-123", StringComparison.Ordinal));
        result.Format()[0].ShouldBe("deploy(staging): web staging-122 -> staging-123, api 1.4.0 -> 1.5.0");
    }

    [Theory]
    [InlineData(GitOpsEngine.Flux)]
    [InlineData(GitOpsEngine.ArgoCd)]
    public async Task SyncApps_SameInputTwice_SecondPushesNothing(GitOpsEngine engine)
    {
        await _fixture.CreateRemoteAsync();
        GitOpsDeployer deployer = Deployer(engine);
        GitOpsDeployResult first = await deployer.SyncAppsAsync([Web("staging-122")], GitFixture.Info(), Ct);

        GitOpsDeployResult second = await deployer.SyncAppsAsync([Web("staging-122")], GitFixture.Info(), Ct);

        second.Push.Changed.ShouldBeFalse();
        second.CommitSha.ShouldBe(first.CommitSha);
        second.Format()[0].ShouldContain("nothing pushed");
    }

    [Fact]
    public async Task SyncApps_ArgoEngineWritesApplicationsAndRootApps()
    {
        await _fixture.CreateRemoteAsync();

        await Deployer(GitOpsEngine.ArgoCd).SyncAppsAsync([Web("staging-122")], GitFixture.Info(), Ct);

        _fixture.RemoteFile("clusters/staging/apps/web/application.yaml").ShouldContain("kind: Application");
        _fixture.RemoteFile("clusters/staging/argocd/root.yaml").ShouldContain("name: staging-apps");
    }

    [Fact]
    public async Task DeployPlatform_WritesHelmReleasesAndNamesTheVersionChange()
    {
        await _fixture.CreateRemoteAsync();
        GitOpsDeployer deployer = Deployer();
        await deployer.DeployPlatformAsync([Ingress("4.11.2")], GitFixture.Info(), Ct);

        GitOpsDeployResult result = await deployer.DeployPlatformAsync([Ingress("4.11.3")], GitFixture.Info(), Ct);

        result.Changes.ShouldBe([new VersionChange("ingress-nginx", "4.11.2", "4.11.3")]);
        GitFixture.Git(_fixture.RemotePath, "log", "-1", "--format=%s").ShouldBe("platform(staging): ingress-nginx 4.11.2 -> 4.11.3");
        _fixture.RemoteFile("clusters/staging/platform/ingress-nginx.yaml").ShouldContain("version: 4.11.3");
    }

    [Fact]
    public async Task SyncApps_TwoDeployersRacing_KeepBothApps()
    {
        await _fixture.CreateRemoteAsync();
        GitOpsDeployer first = Deployer(clone: "first");
        GitOpsDeployer second = Deployer(clone: "second");

        await Task.WhenAll(
            first.SyncAppsAsync([Web("a-1")], GitFixture.Info(), Ct),
            second.SyncAppsAsync([Web("b-1") with { Name = "api" }], GitFixture.Info(), Ct));

        _fixture.RemoteFile("clusters/staging/apps/web/helm-release.yaml").ShouldContain("tag: a-1");
        _fixture.RemoteFile("clusters/staging/apps/api/helm-release.yaml").ShouldContain("tag: b-1");
    }

    [Theory]
    [InlineData("Web", "app")]
    [InlineData("../x", "app")]
    [InlineData("a_b", "app")]
    public async Task SyncApps_BadNames_AreInputErrors(string name, string what)
    {
        await _fixture.CreateRemoteAsync();

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => Deployer().SyncAppsAsync([Web("t") with { Name = name }], GitFixture.Info(), Ct));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldContain($"The {what} name '{name}'");
    }

    public void Dispose() => _fixture.Dispose();
}
