using System.Text.Json.Nodes;
using Slipway.Cluster;
using Slipway.GitOps;
using Slipway.GitOps.Manifests;
using Slipway.Tests.GitOps;
using Slipway.Tests.Support;

namespace Slipway.Tests.Cluster;

/// <summary>
/// FluxSync against the local cluster when the GitOps remote is corrupt (the tree object of <c>main</c> deleted): the
/// source-controller reports GitOperationFailed and the sync fails at once with it, instead of waiting out its timeout.
/// </summary>
public sealed class SourceFailureSyncTests : IClassFixture<LocalClusterFixture>
{
    private readonly LocalClusterFixture _fixture;

    public SourceFailureSyncTests(LocalClusterFixture fixture)
    {
        _fixture = fixture;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_remote_whose_tree_is_missing_fails_the_sync_with_the_git_repositorys_reason_and_the_next_command()
    {
        TestGitOps gitops = await TestGitOps.OpenAsync(_fixture.Root, "corrupt");
        GitOpsDeployResult pushed = await gitops.Deployer.SyncAppsAsync([new AppRelease("web", "registry.local/web", "2.0.0", 1, "corrupt-web")], GitFixture.Info("corrupt"), Ct);
        string remote = gitops.Environment.SourceUrl;
        string tree = GitFixture.Git(remote, "rev-parse", "main^{tree}");
        File.Delete(Path.Combine(remote, "objects", tree[..2], tree[2..]));
        var flux = new FluxSync(_fixture.Cluster, TimeProvider.System) { PollInterval = TimeSpan.FromMilliseconds(100) };

        // a source of its own, so no earlier fetch has the tree cached (as on a cluster that has not fetched main yet)
        await flux.ApplyAsync(ManifestDocuments.Bootstrap(gitops.Environment).Select(m => WithSource(m, "corrupt-source")), Ct);
        var request = new FluxReconcileRequest("corrupt", "corrupt-source", "main", pushed.CommitSha) { Timeout = TimeSpan.FromMinutes(3) };
        SlipwayException failure = await Should.ThrowAsync<SlipwayException>(() => flux.ReconcileAndWaitAsync(request, Ct));

        failure.Kind.ShouldBe(FailureKind.Failed);
        failure.Message.ShouldStartWith($"Flux cannot fetch the GitOps source, so it cannot apply main@sha1:{pushed.CommitSha}: GitRepository flux-system/corrupt-source is not Ready (GitOperationFailed): ");
        failure.Message.ShouldContain(tree);
        failure.Message.ShouldContain($"repair branch main of {remote}");
        failure.Message.ShouldContain("./build.sh SyncApps --env corrupt");
        failure.Message.ShouldNotContain("within");
    }

    private static JsonObject WithSource(JsonObject manifest, string source)
    {
        string kind = manifest["kind"]!.GetValue<string>();
        if (kind == "GitRepository")
        {
            manifest["metadata"]!["name"] = source;
        }
        else if (kind == "Kustomization")
        {
            manifest["spec"]!["sourceRef"]!["name"] = source;
        }

        return manifest;
    }
}
