using System.Diagnostics;
using System.Text.Json;
using Slipway.Cluster;
using Slipway.Delivery;
using Slipway.LocalCluster.Images;
using Slipway.Tests.Rollback;
using Slipway.Tests.Support;
using Slipway.Verification;

namespace Slipway.Tests.Delivery;

/// <summary>
/// Issue 12: a tag the image catalogue does not have fails the deploy; deploying the good tag right after goes live as soon as
/// the cluster can run it (Slipway requests and forces the HelmRelease's reconcile), not after the helm timeout — whether the
/// failed upgrade is still pending, or was remediated (RollbackSucceeded of the older generation).
/// </summary>
public sealed class RedeployAfterFailureTests : IClassFixture<RollbackClusterFixture>
{
    private readonly RollbackClusterFixture _fixture;

    public RedeployAfterFailureTests(RollbackClusterFixture fixture)
    {
        _fixture = fixture;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_good_tag_right_after_a_bad_one_goes_live_while_the_failed_upgrade_is_still_pending()
    {
        string env = await WriteEnvironmentAsync("redeploy");
        await DeployAsync(env, "r-2");
        await ShouldFailAsync(env, "r-9");

        TimeSpan elapsed = await DeployAsync(env, "r-3");

        await RunningImageShouldBeAsync(env, "registry.local/web:r-3");
        TestContext.Current.TestOutputHelper?.WriteLine($"good tag after a pending failed upgrade: live in {elapsed.TotalSeconds:0.0}s");
    }

    [Fact]
    public async Task A_good_tag_after_a_remediated_upgrade_goes_live_and_the_older_rollback_is_not_its_state()
    {
        string env = await RemediatedAsync("remediated", "r-9");

        TimeSpan elapsed = await DeployAsync(env, "r-3");

        JsonElement release = (await _fixture.ClusterFor(env).GetCustomObjectAsync(CustomResource.HelmRelease, $"{env}-web", "web", Ct))!.Value;
        JsonStatus.Condition(release, "Ready")!.Value.Reason.ShouldBe("UpgradeSucceeded");
        await RunningImageShouldBeAsync(env, "registry.local/web:r-3");
        TestContext.Current.TestOutputHelper?.WriteLine($"good tag after RollbackSucceeded: live in {elapsed.TotalSeconds:0.0}s");
    }

    [Fact]
    public async Task The_same_tag_after_its_image_is_published_goes_live_by_a_forced_upgrade_though_git_did_not_change()
    {
        string env = await RemediatedAsync("forced", "r-8");
        await new ImageCatalog(_fixture.ImageCatalogPath).PublishAsync("web", "r-8", crash: false, Ct);

        var log = new RecordingLog();
        TimeSpan elapsed = await DeployAsync(env, "r-8", log);

        log.Lines.ShouldContain(l => l.Contains("nothing committed", StringComparison.Ordinal));
        log.Lines.ShouldContain(l => l.Contains($"HelmRelease {env}-web/web is not Ready (RollbackSucceeded): asked helm-controller to force a one-off upgrade now", StringComparison.Ordinal));
        JsonElement release = (await _fixture.ClusterFor(env).GetCustomObjectAsync(CustomResource.HelmRelease, $"{env}-web", "web", Ct))!.Value;
        JsonStatus.Condition(release, "Ready")!.Value.Reason.ShouldBe("UpgradeSucceeded");
        JsonStatus.Text(release, "status", "lastHandledForceAt").ShouldBe(JsonStatus.Text(release, "metadata", "annotations", FluxReleaseRetry.ForceAt));
        await RunningImageShouldBeAsync(env, "registry.local/web:r-8");
        TestContext.Current.TestOutputHelper?.WriteLine($"same tag, image published after its failure: live in {elapsed.TotalSeconds:0.0}s");
    }

    private Task<string> WriteEnvironmentAsync(string name) => _fixture.AddEnvironmentAsync(name, "r-1", "rollback:\n  auto: false\n");

    /// <summary>web at r-2 verified, then <paramref name="badTag"/> fails and helm-controller rolls it back (RollbackSucceeded) after a short timeout.</summary>
    private async Task<string> RemediatedAsync(string name, string badTag)
    {
        string env = await WriteEnvironmentAsync(name);
        await DeployAsync(env, "r-2");
        ShortenHelmTimeout($"clusters/{env}/apps/web/helm-release.yaml");
        await ShouldFailAsync(env, badTag);
        await WaitForReadyReasonAsync(env, "RollbackSucceeded");
        return env;
    }

    /// <summary>SyncApps web at <paramref name="tag"/> and Verify; returns how long from the push to live.</summary>
    private async Task<TimeSpan> DeployAsync(string env, string tag, RecordingLog? log = null)
    {
        using var http = new HttpClient();
        log ??= new RecordingLog();
        await using EnvironmentDelivery delivery = await _fixture.OpenAsync(env, log, Variables());
        var clock = Stopwatch.StartNew();
        try
        {
            await delivery.DeployPlatformAsync(Ct);
            await delivery.SyncAppsAsync("web", tag, Ct);
            await delivery.VerifyDeployAsync(new LogVerificationProgress(log, TimeSpan.FromSeconds(5)), http, Ct);
            return clock.Elapsed;
        }
        finally
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"--- {env} {tag} ({clock.Elapsed.TotalSeconds:0.0}s)\n{log.Text}");
        }
    }

    private async Task ShouldFailAsync(string env, string tag)
    {
        using var http = new HttpClient();
        var log = new RecordingLog();
        await using EnvironmentDelivery delivery = await _fixture.OpenAsync(env, log, Variables());
        await delivery.SyncAppsAsync("web", tag, Ct);
        SlipwayException failed = await Should.ThrowAsync<SlipwayException>(() => delivery.VerifyDeployAsync(new LogVerificationProgress(log, TimeSpan.FromSeconds(5)), http, Ct));
        failed.Kind.ShouldBe(FailureKind.Failed);
    }

    private async Task RunningImageShouldBeAsync(string env, string image)
        => (await _fixture.ClusterFor(env).ListDeploymentsAsync($"{env}-web", Ct)).Single().Spec.Template.Spec.Containers.Single().Image.ShouldBe(image);

    private async Task<JsonElement> WaitForReadyReasonAsync(string env, string reason)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            JsonElement release = (await _fixture.ClusterFor(env).GetCustomObjectAsync(CustomResource.HelmRelease, $"{env}-web", "web", Ct))!.Value;
            if (JsonStatus.Condition(release, "Ready") is { Reason: var current } && current == reason)
            {
                return release;
            }

            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60), $"HelmRelease {env}-web/web never reached {reason}");
            await Task.Delay(200, Ct);
        }
    }

    private void ShortenHelmTimeout(string path)
    {
        using var work = new TempDirectory("slipway-redeploy-edit");
        GitOps.GitFixture.Git(work.Path, "clone", "-q", _fixture.GitOpsRemote, "clone");
        string clone = Path.Combine(work.Path, "clone");
        string file = Path.Combine(clone, path);
        File.WriteAllText(file, File.ReadAllText(file).Replace("timeout: 5m", "timeout: 5s", StringComparison.Ordinal));
        GitOps.GitFixture.Git(clone, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "helm timeout 5s");
        GitOps.GitFixture.Git(clone, "push", "-q", "origin", "main");
    }

    private static Dictionary<string, string> Variables() => new() { [EnvironmentDelivery.FailFastVariable] = "3s" };
}
