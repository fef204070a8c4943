using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Cluster;
using Slipway.Delivery;
using Slipway.Releases;
using Slipway.Rollback;
using Slipway.Tests.GitOps;
using Slipway.Tests.Support;
using Slipway.Verification;

namespace Slipway.Tests.Rollback;

/// <summary>
/// Deploy three tags, roll back by tag, by previous verified release and by release id, with the hold blocking the next
/// deploy until Resume — through EnvironmentDelivery on the local cluster, with the real GitOps repository.
/// </summary>
public sealed class RollbackDeliveryTests : IClassFixture<RollbackClusterFixture>
{
    private readonly RollbackClusterFixture _fixture;

    public RollbackDeliveryTests(RollbackClusterFixture fixture)
    {
        _fixture = fixture;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Three_tags_rolled_back_by_tag_previous_and_release_id_each_held_until_resumed()
    {
        var log = new RecordingLog();
        using var http = new HttpClient();
        await using EnvironmentDelivery delivery = await _fixture.OpenAsync("rb", log);
        await delivery.DeployPlatformAsync(Ct);
        foreach (string? tag in new[] { null, "r-2", "r-3" })
        {
            await delivery.SyncAppsAsync(tag is null ? null : "web", tag, Ct);
            await delivery.VerifyAndRecordAsync(new NullProgress(), http, Ct);
        }

        await _fixture.ClusterFor("rb").ApplyCustomObjectAsync(s_imageAutomation, "flux-system", "rb-web", ImageAutomationManifest(), Ct);
        RollbackPlan byTag = await delivery.PlanRollbackAsync(new RollbackRequest { Tag = "r-1", Reason = "r-3 broke checkout" }, Ct);
        await delivery.RollbackAsync(byTag, Ct);
        ReleaseRecord afterTag = await RecordAsync(delivery, http);
        string rollbackCommit = GitFixture.Git(_fixture.GitOpsRemote, "log", "-1", "--skip=1", "--format=%B", "main");
        string holds = GitFixture.Git(_fixture.GitOpsRemote, "show", "main:holds/rb.yaml");
        string imageAfterTag = await WebImageAsync();
        string automationAfterTag = await ImageAutomationAsync();
        SlipwayException refused = await Should.ThrowAsync<SlipwayException>(() => delivery.SyncAppsAsync("web", "r-3", Ct));
        IReadOnlyList<Hold> resumed = await delivery.ResumeAsync("web", "fixed in r-3", Ct);
        IReadOnlyList<Hold> resumedAgain = await delivery.ResumeAsync(null, "again", Ct);
        string automationAfterResume = await ImageAutomationAsync();

        RollbackPlan previous = await delivery.PlanRollbackAsync(new RollbackRequest(), Ct);
        await delivery.RollbackAsync(previous, Ct);
        ReleaseRecord afterPrevious = await RecordAsync(delivery, http);
        string imageAfterPrevious = await WebImageAsync();

        RollbackPlan byRelease = await delivery.PlanRollbackAsync(new RollbackRequest { Release = "rb-2" }, Ct);
        await delivery.RollbackAsync(byRelease, Ct);
        ReleaseRecord afterRelease = await RecordAsync(delivery, http);
        string imageAfterRelease = await WebImageAsync();
        string automationAfterRelease = await ImageAutomationAsync();
        await delivery.SyncAppsAsync("web", "r-3", releaseHold: true, Ct);
        string automationAfterReleaseHold = await ImageAutomationAsync();
        IReadOnlyList<Hold> heldAfterRelease = await delivery.ReadHoldsAsync(Ct);
        HistoryView history = await delivery.ReadHistoryAsync(null, 20, Ct);

        byTag.Subject.ShouldBe("rollback(rb): web r-3 -> r-1");
        byTag.Source.ShouldBe("release rb-1");
        rollbackCommit.ShouldStartWith("rollback(rb): web r-3 -> r-1\n\nr-3 broke checkout\n");
        holds.ShouldContain("app: web");
        holds.ShouldContain("tag: r-1");
        holds.ShouldContain("reason: r-3 broke checkout");
        imageAfterTag.ShouldBe("registry.local/web:r-1");
        afterTag.ShouldSatisfyAllConditions(
            () => afterTag.Id.ShouldBe("rb-4"),
            () => afterTag.Kind.ShouldBe(ReleaseKind.Rollback),
            () => afterTag.Restores.ShouldBe("rb-1"),
            () => afterTag.Reason.ShouldBe("r-3 broke checkout"),
            () => afterTag.Verified.ShouldBeTrue());
        refused.Kind.ShouldBe(FailureKind.Refused);
        refused.Message.ShouldContain("web held at r-1");
        refused.Message.ShouldContain("./build.sh Resume --env rb --app web --reason");
        resumed.Select(h => h.App).ShouldBe(["web"]);
        resumedAgain.ShouldBeEmpty();
        previous.Source.ShouldBe("release rb-3");
        imageAfterPrevious.ShouldBe("registry.local/web:r-3");
        afterPrevious.Restores.ShouldBe("rb-3");
        byRelease.Apps.Single().ToString().ShouldBe("web r-3 -> r-2");
        imageAfterRelease.ShouldBe("registry.local/web:r-2");
        afterRelease.Restores.ShouldBe("rb-2");
        heldAfterRelease.ShouldBeEmpty();
        automationAfterTag.ShouldBe("suspended by rollback of rb");
        automationAfterResume.ShouldBe("running");
        automationAfterRelease.ShouldBe("suspended by rollback of rb");
        automationAfterReleaseHold.ShouldBe("running"); // a deploy through the hold resumes what the rollback suspended, as Resume does
        history.Rows.Take(6).Select(r => r.Id).ShouldBe(["rb-6", "rb-5", "rb-4", "rb-3", "rb-2", "rb-1"]);
        history.Rows.Single(r => r.Id == "rb-2").Apps["web"].ShouldBe("r-2");
    }

    [Fact]
    public async Task History_of_tags_set_before_the_release_log_comes_from_the_GitOps_history_and_Rollback_finds_them()
    {
        await using EnvironmentDelivery delivery = await _fixture.OpenAsync("old", new RecordingLog());
        await delivery.SyncAppsAsync(null, null, Ct);
        await delivery.SyncAppsAsync("web", "r-2", Ct);

        HistoryView history = await delivery.ReadHistoryAsync(null, 20, Ct);
        RollbackPlan plan = await delivery.PlanRollbackAsync(new RollbackRequest { Tag = "r-1" }, Ct);
        SlipwayException unknown = await Should.ThrowAsync<SlipwayException>(() => delivery.PlanRollbackAsync(new RollbackRequest { Tag = "r-9" }, Ct));

        history.Rows.Select(r => (r.Apps["web"], r.Status, r.Id)).ShouldBe([("r-2", "unrecorded", null), ("r-1", "unrecorded", null)]);
        history.FormatTable().ShouldContain(l => l.Contains("before Slipway recorded releases", StringComparison.Ordinal));
        plan.Source.ShouldStartWith("GitOps commit ");
        plan.Restores.ShouldBeNull();
        plan.Apps.Single().ToString().ShouldBe("web r-2 -> r-1");
        unknown.Kind.ShouldBe(FailureKind.Input);
        unknown.Message.ShouldContain("Tag 'r-9' was never deployed to any app of old");
        unknown.Message.ShouldContain("web: r-2, r-1");
    }

    private async Task<ReleaseRecord> RecordAsync(EnvironmentDelivery delivery, HttpClient http)
    {
        await delivery.VerifyAndRecordAsync(new NullProgress(), http, Ct);
        return ReleaseLog.Parse("rb", GitFixture.Git(_fixture.GitOpsRemote, "show", "main:releases/rb.yaml")).Latest!;
    }

    private static readonly CustomResource s_imageAutomation = new("image.toolkit.fluxcd.io", "v1beta2", "imageupdateautomations", "ImageUpdateAutomation");

    private static JsonObject ImageAutomationManifest() => new()
    {
        ["apiVersion"] = "image.toolkit.fluxcd.io/v1beta2",
        ["kind"] = "ImageUpdateAutomation",
        ["metadata"] = new JsonObject { ["name"] = "rb-web", ["namespace"] = "flux-system" },
        ["spec"] = new JsonObject { ["interval"] = "1m", ["sourceRef"] = new JsonObject { ["kind"] = "GitRepository", ["name"] = "rb" } },
    };

    /// <summary>"suspended by …" (spec.suspend and whose annotation) or "running".</summary>
    private async Task<string> ImageAutomationAsync()
    {
        JsonElement automation = (await _fixture.ClusterFor("rb").GetCustomObjectAsync(s_imageAutomation, "flux-system", "rb-web", Ct)).ShouldNotBeNull();
        bool suspended = automation.GetProperty("spec").TryGetProperty("suspend", out JsonElement flag) && flag.ValueKind == JsonValueKind.True;
        string? by = automation.GetProperty("metadata").TryGetProperty("annotations", out JsonElement annotations)
            && annotations.TryGetProperty("slipway.io/suspended-by", out JsonElement who) ? who.GetString() : null;
        return suspended ? $"suspended by {by}" : by is null ? "running" : $"running, still marked by {by}";
    }

    private async Task<string> WebImageAsync()
        => (await _fixture.ClusterFor("rb").ListDeploymentsAsync("rb-web", Ct)).Single().Spec.Template.Spec.Containers.Single().Image;

    private sealed class NullProgress : IVerificationProgress
    {
        public void Report(VerificationReport report, TimeSpan elapsed, TimeSpan timeout)
        {
        }
    }
}
