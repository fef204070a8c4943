using System.Text.Json;
using Slipway.Cluster;
using Slipway.GitOps;
using Slipway.GitOps.Git;
using Slipway.GitOps.Manifests;
using Slipway.Tests.GitOps;
using Slipway.Tests.Support;

namespace Slipway.Tests.Cluster;

/// <summary>ArgoSync against the local cluster's Argo CD controller, reading a real bare GitOps repository.</summary>
public sealed class ArgoSyncTests : IClassFixture<LocalClusterFixture>
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);
    private readonly LocalClusterFixture _fixture;
    private readonly FluxSync _apply;
    private readonly ArgoSync _argo;

    public ArgoSyncTests(LocalClusterFixture fixture)
    {
        _fixture = fixture;
        _apply = new FluxSync(fixture.Cluster, TimeProvider.System);
        _argo = new ArgoSync(fixture.Cluster, TimeProvider.System) { PollInterval = TimeSpan.FromMilliseconds(100) };
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_pushed_commit_is_synced()
    {
        TestGitOps gitops = await TestGitOps.OpenAsync(_fixture.Root, "argo-ok", GitOpsEngine.ArgoCd);
        GitOpsDeployResult pushed = await gitops.Deployer.SyncAppsAsync([new AppRelease("web", "registry.local/web", "2.0.0", 1, "argo-ok-web")], GitFixture.Info("argo-ok"), Ct);

        await _apply.ApplyAsync(ManifestDocuments.Bootstrap(gitops.Environment), Ct);
        await _argo.SyncAndWaitAsync("argo-ok-apps", pushed.CommitSha, s_timeout, NullLog.Instance, Ct);

        JsonElement root = (await _fixture.Cluster.GetCustomObjectAsync(CustomResource.Application, ArgoSync.Namespace, "argo-ok-apps", Ct))!.Value;
        root.GetProperty("status").GetProperty("sync").GetProperty("revision").GetString().ShouldBe(pushed.CommitSha);
        (await _fixture.Cluster.GetCustomObjectAsync(CustomResource.Application, ArgoSync.Namespace, "web", Ct)).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_broken_manifest_fails_at_once_naming_the_file()
    {
        TestGitOps gitops = await TestGitOps.OpenAsync(_fixture.Root, "argo-broken", GitOpsEngine.ArgoCd);
        await gitops.Deployer.BootstrapAsync(GitFixture.Info("argo-broken"), Ct);
        PushResult broken = await gitops.Repository.PushChangeAsync(
            async (tree, ct) =>
            {
                await tree.WriteTextAsync("clusters/argo-broken/platform/broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n", ct);
                return new ChangeDescription("break(argo-broken): a manifest that is not YAML");
            },
            GitFixture.Info("argo-broken"),
            Ct);

        await _apply.ApplyAsync(ManifestDocuments.Bootstrap(gitops.Environment), Ct);
        SlipwayException failure = await Should.ThrowAsync<SlipwayException>(
            () => _argo.SyncAndWaitAsync("argo-broken-platform", broken.CommitSha, s_timeout, NullLog.Instance, Ct));

        failure.Kind.ShouldBe(FailureKind.Failed);
        failure.Message.ShouldContain($"Argo CD could not sync argocd/argo-broken-platform to {broken.CommitSha}");
        failure.Message.ShouldContain("clusters/argo-broken/platform/broken.yaml");
    }
}
