using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Cluster;
using Slipway.Delivery;
using Slipway.Releases;
using Slipway.Rollback;
using Slipway.Tests.GitOps;
using Slipway.Tests.Rollback;
using Slipway.Tests.Support;
using Slipway.Verification;

namespace Slipway.Tests.Delivery;

/// <summary>
/// EmergencyStop and Resume through EnvironmentDelivery on the local cluster: the stop suspends the Flux objects (or turns
/// Argo CD automated sync off) and scales down, deploys refuse with exit 3 while it stands, a second stop changes nothing,
/// and Resume puts back exactly the suspend flags, sync policies and replica counts recorded in <c>stops/&lt;env&gt;.yaml</c>.
/// </summary>
public sealed class StopDeliveryTests : IClassFixture<RollbackClusterFixture>
{
    private readonly RollbackClusterFixture _fixture;

    public StopDeliveryTests(RollbackClusterFixture fixture)
    {
        _fixture = fixture;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stop_suspends_and_scales_down_refuses_deploys_and_resume_restores_exactly_what_it_changed()
    {
        using var http = new HttpClient();
        await using EnvironmentDelivery delivery = await _fixture.OpenAsync("stop", new RecordingLog());
        await delivery.DeployPlatformAsync(Ct);
        await delivery.SyncAppsAsync(null, null, Ct);
        await delivery.VerifyAndRecordAsync(new NullProgress(), http, Ct);
        await _fixture.ClusterFor("stop").MergePatchCustomObjectAsync(CustomResource.HelmRelease, "ingress-nginx", "ingress-nginx", Suspend(true), Ct);

        StopOutcome stopped = await delivery.EmergencyStopAsync(["web"], "checkout errors since r-1", Ct);
        bool kustomizationSuspended = await SuspendedAsync(CustomResource.Kustomization, FluxSync.Namespace, "stop");
        bool webSuspended = await SuspendedAsync(CustomResource.HelmRelease, "stop-web", "web");
        int? replicasStopped = await ReplicasAsync();
        string stopFile = GitFixture.Git(_fixture.GitOpsRemote, "show", "main:stops/stop.yaml");
        string stopCommit = GitFixture.Git(_fixture.GitOpsRemote, "log", "-1", "--format=%B", "main");
        string headAfterStop = GitFixture.Git(_fixture.GitOpsRemote, "rev-parse", "main");

        StopOutcome again = await delivery.EmergencyStopAsync([], "again", Ct);
        string headAfterSecond = GitFixture.Git(_fixture.GitOpsRemote, "rev-parse", "main");
        SlipwayException sync = await Should.ThrowAsync<SlipwayException>(() => delivery.SyncAppsAsync("web", "r-2", Ct));
        SlipwayException platform = await Should.ThrowAsync<SlipwayException>(() => delivery.DeployPlatformAsync(Ct));
        RollbackPlan plan = await delivery.PlanRollbackAsync(new RollbackRequest { Tag = "r-2", AllowNewTag = true, App = "web" }, Ct);
        SlipwayException rollback = await Should.ThrowAsync<SlipwayException>(() => delivery.RollbackAsync(plan, Ct));
        string headAfterRefusals = GitFixture.Git(_fixture.GitOpsRemote, "rev-parse", "main");

        Stop? lifted = await delivery.LiftStopAsync("fixed in r-2", Ct);
        bool kustomizationAfter = await SuspendedAsync(CustomResource.Kustomization, FluxSync.Namespace, "stop");
        bool webAfter = await SuspendedAsync(CustomResource.HelmRelease, "stop-web", "web");
        bool ingressAfter = await SuspendedAsync(CustomResource.HelmRelease, "ingress-nginx", "ingress-nginx");
        int? replicasAfter = await ReplicasAsync();
        Stop? liftedAgain = await delivery.LiftStopAsync("again", Ct);
        IReadOnlyList<Hold> noHolds = await delivery.ResumeAsync(null, "again", Ct);
        await _fixture.ClusterFor("stop").MergePatchCustomObjectAsync(CustomResource.HelmRelease, "ingress-nginx", "ingress-nginx", Suspend(false), Ct); // the test's own suspension
        await delivery.SyncAppsAsync("web", "r-2", Ct);
        VerificationReport afterResume = await delivery.VerifyAndRecordAsync(new NullProgress(), http, Ct);

        stopped.AlreadyStopped.ShouldBeFalse();
        stopped.Stop.Suspended.Select(s => s.ToString()).ShouldBe(
            ["Kustomization flux-system/stop", "HelmRelease stop-web/web", "HelmRelease ingress-nginx/ingress-nginx", "HelmRelease monitoring/kube-prometheus-stack"],
            ignoreOrder: true);
        stopped.Stop.Suspended.Single(s => s.Name == "ingress-nginx").WasSuspended.ShouldBeTrue();
        stopped.Stop.ScaledDown.Single().ToString().ShouldBe("stop-web/web (was 2 replicas)");
        kustomizationSuspended.ShouldBeTrue();
        webSuspended.ShouldBeTrue();
        replicasStopped.ShouldBe(0);
        stopFile.ShouldContain("stopped: true");
        stopFile.ShouldContain("reason: checkout errors since r-1");
        stopFile.ShouldContain("replicas: 2");
        stopCommit.ShouldStartWith("stop(stop): emergency stop, scale down web\n\ncheckout errors since r-1\n");
        again.AlreadyStopped.ShouldBeTrue();
        again.Stop.Reason.ShouldBe("checkout errors since r-1");
        headAfterSecond.ShouldBe(headAfterStop);
        foreach ((SlipwayException refused, string target) in new[] { (sync, "SyncApps"), (platform, "DeployPlatform"), (rollback, "Rollback") })
        {
            refused.Kind.ShouldBe(FailureKind.Refused);
            refused.Message.ShouldStartWith($"{target} refused: stop is under an emergency stop");
            refused.Message.ShouldContain("stops/stop.yaml");
            refused.Message.ShouldContain("./build.sh Resume --env stop --reason");
        }

        rollback.Message.ShouldContain("--during-stop");
        headAfterRefusals.ShouldBe(headAfterStop);
        lifted.ShouldNotBeNull();
        kustomizationAfter.ShouldBeFalse();
        webAfter.ShouldBeFalse();
        ingressAfter.ShouldBeTrue(); // suspended before the stop: Resume leaves it as it was
        replicasAfter.ShouldBe(2);
        liftedAgain.ShouldBeNull();
        noHolds.ShouldBeEmpty();
        afterResume.IsReady.ShouldBeTrue(afterResume.Summary());
        GitFixture.Git(_fixture.GitOpsRemote, "show", "main:stops/stop.yaml").ShouldContain("stopped: false");
    }

    private static JsonObject Suspend(bool suspend) => new() { ["spec"] = new JsonObject { ["suspend"] = suspend } };

    private async Task<bool> SuspendedAsync(CustomResource resource, string ns, string name)
        => (await _fixture.ClusterFor("stop").GetCustomObjectAsync(resource, ns, name, Ct))!.Value.GetProperty("spec").TryGetProperty("suspend", out JsonElement flag) && flag.GetBoolean();

    private async Task<int?> ReplicasAsync()
        => (await _fixture.ClusterFor("stop").ListDeploymentsAsync("stop-web", Ct)).Single().Spec.Replicas;

    private sealed class NullProgress : IVerificationProgress
    {
        public void Report(VerificationReport report, TimeSpan elapsed, TimeSpan timeout)
        {
        }
    }
}
