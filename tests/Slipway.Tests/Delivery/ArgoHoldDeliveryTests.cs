using System.Text.Json;
using Slipway.Cluster;
using Slipway.Delivery;
using Slipway.Releases;
using Slipway.Rollback;
using Slipway.Tests.Rollback;
using Slipway.Tests.Support;

namespace Slipway.Tests.Delivery;

/// <summary>
/// A rollback of an Argo CD environment on the local cluster holds there too: the root Application's automated sync goes
/// off (remembered in an annotation), stays off across Slipway's next deploy, and Resume puts back exactly what it was.
/// </summary>
public sealed class ArgoHoldDeliveryTests : IClassFixture<RollbackClusterFixture>
{
    private readonly RollbackClusterFixture _fixture;

    public ArgoHoldDeliveryTests(RollbackClusterFixture fixture)
    {
        _fixture = fixture;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_argocd_rollback_turns_automated_sync_off_until_resume_restores_it_exactly()
    {
        using var http = new HttpClient();
        await using EnvironmentDelivery delivery = await _fixture.OpenAsync("argostop", new RecordingLog());
        await delivery.DeployPlatformAsync(Ct);
        await delivery.SyncAppsAsync(null, null, Ct);
        await delivery.VerifyAndRecordAsync(NullVerificationProgress.Instance, http, Ct);
        await delivery.SyncAppsAsync("web", "r-2", Ct);
        await delivery.VerifyAndRecordAsync(NullVerificationProgress.Instance, http, Ct);
        JsonElement before = await RootAsync();

        RollbackPlan plan = await delivery.PlanRollbackAsync(new RollbackRequest { Tag = "r-1", App = "web", Reason = "r-2 broke checkout" }, Ct);
        await delivery.RollbackAsync(plan, Ct);
        await delivery.VerifyAndRecordAsync(NullVerificationProgress.Instance, http, Ct);
        JsonElement held = await RootAsync();
        await delivery.SyncAppsAsync(null, null, Ct); // re-applies the root Application (automated on) while web stays held at r-1
        JsonElement afterDeploy = await RootAsync();
        IReadOnlyList<Hold> resumed = await delivery.ResumeAsync(null, "fixed in r-3", Ct);
        JsonElement after = await RootAsync();

        // a rollback during an emergency stop: lifting the stop puts automated sync back as the stop found it, then off while held
        await delivery.EmergencyStopAsync([], "outage", Ct);
        RollbackPlan duringStop = await delivery.PlanRollbackAsync(new RollbackRequest { Tag = "r-2", App = "web", Reason = "during the stop" }, Ct);
        await delivery.RollbackAsync(duringStop, duringStop: true, Ct);
        await delivery.LiftStopAsync("outage over", Ct);
        JsonElement afterLift = await RootAsync();
        await delivery.ResumeAsync(null, "r-2 is fine", Ct);
        JsonElement afterSecondResume = await RootAsync();

        string automatedBefore = Automated(before)!;
        automatedBefore.ShouldContain("\"selfHeal\":true");
        Automated(held).ShouldBeNull();
        Annotation(held).ShouldBe(automatedBefore);
        Automated(afterDeploy).ShouldBeNull();
        Annotation(afterDeploy).ShouldBe(automatedBefore);
        resumed.Select(h => h.App).ShouldBe(["web"]);
        Automated(after).ShouldBe(automatedBefore);
        Annotation(after).ShouldBeNull();
        Automated(afterLift).ShouldBeNull();
        Annotation(afterLift).ShouldBe(automatedBefore);
        Automated(afterSecondResume).ShouldBe(automatedBefore);
        Annotation(afterSecondResume).ShouldBeNull();
    }

    private async Task<JsonElement> RootAsync()
        => (await _fixture.ClusterFor("argostop").GetCustomObjectAsync(CustomResource.Application, ArgoSync.Namespace, "argostop-apps", Ct))!.Value.Clone();

    private static string? Automated(JsonElement application)
        => application.GetProperty("spec").TryGetProperty("syncPolicy", out JsonElement policy) && policy.TryGetProperty("automated", out JsonElement automated) && automated.ValueKind == JsonValueKind.Object
            ? automated.GetRawText()
            : null;

    private static string? Annotation(JsonElement application)
        => application.GetProperty("metadata").TryGetProperty("annotations", out JsonElement annotations) && annotations.TryGetProperty(EnvironmentDelivery.AutomatedBefore, out JsonElement value)
            ? value.GetString()
            : null;
}
