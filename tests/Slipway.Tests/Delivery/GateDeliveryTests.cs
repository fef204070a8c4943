using Slipway.Delivery;
using Slipway.Environments;
using Slipway.Gates;
using Slipway.Hosting;
using Slipway.Releases;
using Slipway.Tests.GitOps;
using Slipway.Tests.Rollback;
using Slipway.Tests.Support;

namespace Slipway.Tests.Delivery;

/// <summary>
/// The acceptance of the gates on the local cluster, through EnvironmentDelivery: a tag not verified in the promoteFrom
/// environment is refused naming the rule; once verified there, refused for the cooling left; --break-glass with a reason
/// then deploys, and the release log records the override. Nothing is written while a gate refuses.
/// </summary>
public sealed class GateDeliveryTests : IClassFixture<RollbackClusterFixture>
{
    private const string Gated = """
        gates:
          branches: ["*"]
          approvals: 2
          promoteFrom: rb
          cooling: 5m

        """;

    private readonly RollbackClusterFixture _fixture;

    public GateDeliveryTests(RollbackClusterFixture fixture)
    {
        _fixture = fixture;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Unverified_then_cooling_then_break_glass_deploys_and_the_release_log_records_the_reason()
    {
        await _fixture.AddEnvironmentAsync("gated", "r-2", Gated);
        TestClock clock = TestClock.At(DateTimeOffset.UtcNow);
        await using EnvironmentDelivery gated = await OpenAsync("gated", clock);

        SlipwayException unverified = await Should.ThrowAsync<SlipwayException>(() => gated.CheckGatesAsync(Check(GateOverrides.None), Ct));
        // the gates read a local GitOps repository that is not there yet as "nothing deployed" and do not create it
        string writtenAfterRefusal = Directory.Exists(_fixture.GitOpsRemote) ? GitFixture.Git(_fixture.GitOpsRemote, "log", "--all", "--name-only", "--format=") : string.Empty;
        using var http = new HttpClient();
        await using (EnvironmentDelivery rb = await _fixture.OpenAsync("rb", new RecordingLog()))
        {
            await rb.DeployPlatformAsync(Ct);
            await rb.SyncAppsAsync("web", "r-2", Ct);
            await rb.VerifyAndRecordAsync(NullVerificationProgress.Instance, http, Ct);
        }

        ReleaseRecord verified = ReleaseLog.Parse("rb", GitFixture.Git(_fixture.GitOpsRemote, "show", "main:releases/rb.yaml")).LatestVerified.ShouldNotBeNull();
        clock.Now = verified.Time.AddMinutes(1);
        SlipwayException cooling = await Should.ThrowAsync<SlipwayException>(() => gated.CheckGatesAsync(Check(new GateOverrides(true, false, "INC-7 checkout down")), Ct));
        clock.Now = verified.Time.AddMinutes(6);
        GateOutcome passed = await gated.CheckGatesAsync(Check(new GateOverrides(true, false, "INC-7 checkout down")), Ct);
        await gated.DeployPlatformAsync(Ct);
        clock.Now = verified.Time.AddMinutes(7); // a new reconcile request time for the next step
        await gated.SyncAppsAsync(null, null, Ct);
        await gated.VerifyAndRecordAsync(NullVerificationProgress.Instance, http, Ct);
        ReleaseRecord recorded = ReleaseLog.Parse("gated", GitFixture.Git(_fixture.GitOpsRemote, "show", "main:releases/gated.yaml")).Latest.ShouldNotBeNull();

        unverified.Kind.ShouldBe(FailureKind.Refused);
        unverified.Message.ShouldContain("promotion: gated takes only versions verified in rb (gates.promoteFrom)");
        unverified.Message.ShouldContain("app web r-2 (new) is not recorded as verified in releases/rb.yaml");
        unverified.Message.ShouldContain("approvals: gated needs 3 approval(s) by people other than the author (gates.approvals 2, +1 for high risk"); // a first deploy, outside git: high risk
        writtenAfterRefusal.ShouldNotContain("clusters/gated");
        writtenAfterRefusal.ShouldNotContain("releases/gated.yaml");
        cooling.Kind.ShouldBe(FailureKind.Refused);
        cooling.Message.ShouldContain("cooling: app web r-2 must have been verified in rb for 5m (gates.cooling)");
        cooling.Message.ShouldContain("wait 4m more");
        cooling.Message.ShouldNotContain("approvals:"); // broken glass
        passed.Override.ShouldBe("break-glass: INC-7 checkout down");
        recorded.Verified.ShouldBeTrue();
        recorded.TagOf("web").ShouldBe("r-2");
        recorded.Override.ShouldBe("break-glass: INC-7 checkout down");
    }

    private static GateCheckRequest Check(GateOverrides overrides)
        => new("SyncApps", GateMode.Deploy, new ApprovalSources(new DictionaryEnvironmentVariables(), new HttpClient())) { Overrides = overrides };

    private async Task<EnvironmentDelivery> OpenAsync(string environment, TimeProvider clock)
    {
        EnvironmentCatalog catalog = await EnvironmentCatalog.LoadAsync(_fixture.Root, Ct);
        var context = new DeliveryContext(_fixture.Root, new DictionaryEnvironmentVariables(), clock, new RecordingLog(), new LocalClusterStarter())
        {
            SyncTimeout = TimeSpan.FromSeconds(60),
        };
        return EnvironmentDelivery.Open(context, catalog, environment);
    }
}
