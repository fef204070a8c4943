using System.Text.Json;
using Slipway.Cluster;
using Slipway.Delivery;
using Slipway.Tests.Rollback;
using Slipway.Tests.Support;
using Slipway.Verification;

namespace Slipway.Tests.Delivery;

/// <summary>EmergencyStop and Resume of an Argo CD environment on the local cluster: automated sync off while stopped, back as it was after.</summary>
public sealed class ArgoStopDeliveryTests : IClassFixture<RollbackClusterFixture>
{
    private readonly RollbackClusterFixture _fixture;

    public ArgoStopDeliveryTests(RollbackClusterFixture fixture)
    {
        _fixture = fixture;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_argocd_stop_turns_automated_sync_off_and_resume_turns_it_back_on()
    {
        using var http = new HttpClient();
        await using EnvironmentDelivery delivery = await _fixture.OpenAsync("argostop", new RecordingLog());
        await delivery.DeployPlatformAsync(Ct);
        await delivery.SyncAppsAsync(null, null, Ct);
        await delivery.VerifyAndRecordAsync(new NullProgress(), http, Ct);

        StopOutcome stopped = await delivery.EmergencyStopAsync([], "bad config", Ct);
        JsonElement? rootStopped = await AutomatedAsync("argostop-apps");
        JsonElement? webStopped = await AutomatedAsync("web");
        SlipwayException refused = await Should.ThrowAsync<SlipwayException>(() => delivery.SyncAppsAsync("web", "r-2", Ct));
        await delivery.LiftStopAsync("config fixed", Ct);
        JsonElement? rootAfter = await AutomatedAsync("argostop-apps");
        JsonElement? webAfter = await AutomatedAsync("web");

        stopped.Stop.Suspended.Select(s => s.ToString()).ShouldContain("Application argocd/argostop-apps");
        stopped.Stop.Suspended.Select(s => s.ToString()).ShouldContain("Application argocd/web");
        stopped.Stop.Suspended.Single(s => s.Name == "web").Automated.ShouldBe("{\"prune\":true,\"selfHeal\":true}");
        rootStopped.ShouldBeNull();
        webStopped.ShouldBeNull();
        refused.Kind.ShouldBe(FailureKind.Refused);
        rootAfter!.Value.GetProperty("selfHeal").GetBoolean().ShouldBeTrue();
        webAfter!.Value.GetProperty("prune").GetBoolean().ShouldBeTrue();
    }

    private async Task<JsonElement?> AutomatedAsync(string application)
    {
        JsonElement app = (await _fixture.ClusterFor("argostop").GetCustomObjectAsync(CustomResource.Application, ArgoSync.Namespace, application, Ct))!.Value;
        return app.GetProperty("spec").TryGetProperty("syncPolicy", out JsonElement policy) && policy.TryGetProperty("automated", out JsonElement automated) && automated.ValueKind == JsonValueKind.Object
            ? automated.Clone()
            : null;
    }

    private sealed class NullProgress : IVerificationProgress
    {
        public void Report(VerificationReport report, TimeSpan elapsed, TimeSpan timeout)
        {
        }
    }
}
