using System.Text.Json;
using Slipway.Cluster;
using Slipway.GitOps;
using Slipway.GitOps.Git;
using Slipway.GitOps.Manifests;
using Slipway.Hosting;
using Slipway.Tests.GitOps;
using Slipway.Tests.Support;

namespace Slipway.Tests.Cluster;

/// <summary>FluxSync against the local cluster's Flux controllers, reading a real bare GitOps repository.</summary>
public sealed class FluxSyncTests : IClassFixture<LocalClusterFixture>
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);
    private readonly LocalClusterFixture _fixture;
    private readonly FluxSync _flux;

    public FluxSyncTests(LocalClusterFixture fixture)
    {
        _fixture = fixture;
        _flux = new FluxSync(fixture.Cluster, TimeProvider.System) { PollInterval = TimeSpan.FromMilliseconds(100) };
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_pushed_commit_is_applied()
    {
        TestGitOps gitops = await TestGitOps.OpenAsync(_fixture.Root, "flux-ok");
        GitOpsDeployResult pushed = await gitops.Deployer.SyncAppsAsync([new AppRelease("web", "registry.local/web", "2.0.0", 1, "flux-ok-web")], GitFixture.Info("flux-ok"), Ct);
        var log = new RecordingLog();

        await _flux.ApplyAsync(ManifestDocuments.Bootstrap(gitops.Environment), Ct);
        string applied = await _flux.ReconcileAndWaitAsync(new FluxReconcileRequest("flux-ok", GitOpsPaths.SourceName, "main", pushed.CommitSha) { Timeout = s_timeout, Log = log }, Ct);

        JsonElement? release = await _fixture.Cluster.GetCustomObjectAsync(CustomResource.HelmRelease, "flux-ok-web", "web", Ct);
        applied.ShouldBe($"main@sha1:{pushed.CommitSha}");
        release.ShouldNotBeNull();
        release.Value.GetProperty("spec").GetProperty("values").GetProperty("image").GetProperty("tag").GetString().ShouldBe("2.0.0");
        log.Lines.ShouldContain(l => l.Contains($"waiting for main@sha1:{pushed.CommitSha}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_broken_manifest_fails_naming_the_file()
    {
        TestGitOps gitops = await TestGitOps.OpenAsync(_fixture.Root, "flux-broken");
        await gitops.Deployer.BootstrapAsync(GitFixture.Info("flux-broken"), Ct);
        PushResult broken = await gitops.Repository.PushChangeAsync(
            async (tree, ct) =>
            {
                await tree.WriteTextAsync("clusters/flux-broken/apps/broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n", ct);
                return new ChangeDescription("break(flux-broken): a manifest that is not YAML");
            },
            GitFixture.Info("flux-broken"),
            Ct);

        await _flux.ApplyAsync(ManifestDocuments.Bootstrap(gitops.Environment), Ct);
        SlipwayException failure = await Should.ThrowAsync<SlipwayException>(
            () => _flux.ReconcileAndWaitAsync(new FluxReconcileRequest("flux-broken", GitOpsPaths.SourceName, "main", broken.CommitSha) { Timeout = s_timeout }, Ct));

        failure.Kind.ShouldBe(FailureKind.Failed);
        failure.Message.ShouldContain($"Flux could not apply main@sha1:{broken.CommitSha}");
        failure.Message.ShouldContain("clusters/flux-broken/apps/broken.yaml");
    }
}
