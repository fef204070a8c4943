using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Cluster;

namespace Slipway.Tests.Cluster;

/// <summary>Which HelmReleases a deploy forces after a failed Helm action, and when it resets their failure counts too.</summary>
public sealed class FluxReleaseRetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("True", "UpgradeSucceeded", 0, false, null)]
    [InlineData("Unknown", "Progressing", 0, false, null)]
    [InlineData("False", "DependencyNotReady", 0, false, null)]
    [InlineData("False", "UpgradeFailed", 1, false, false)]
    [InlineData("False", "RollbackSucceeded", 1, false, false)]
    [InlineData("False", "RollbackSucceeded", 4, false, true)]
    [InlineData("False", "InstallFailed", 0, true, true)]
    public void A_failed_helm_action_is_forced_and_reset_once_retries_are_exhausted(string ready, string reason, int upgradeFailures, bool stalled, bool? reset)
    {
        JsonElement release = Parse(Release(ready, reason, upgradeFailures, stalled));

        (bool Reset, string Why)? judged = FluxReleaseRetry.Judge(release);

        if (reset is null)
        {
            judged.ShouldBeNull();
        }
        else
        {
            judged.ShouldNotBeNull().Reset.ShouldBe(reset.Value);
            judged.Value.Why.ShouldStartWith($"is not Ready ({reason}");
        }
    }

    [Fact]
    public void A_suspended_release_is_never_forced()
    {
        JsonObject release = Release("False", "UpgradeFailed", 1, stalled: false);
        release["spec"]!["suspend"] = true;

        FluxReleaseRetry.Judge(Parse(release)).ShouldBeNull();
    }

    [Fact]
    public async Task Force_and_reset_carry_the_same_token_as_requestedAt()
    {
        var objects = new FakeCustomObjects { Current = Release("False", "RollbackSucceeded", 4, stalled: false) };

        IReadOnlyList<string> done = await new FluxReleaseRetry(objects, TimeProvider.System).RetryFailedAsync([("web", "web")], NullLog.Instance, Ct);

        done.ShouldHaveSingleItem().ShouldContain("HelmRelease web/web is not Ready (RollbackSucceeded, remediation retries exhausted)");
        JsonObject annotations = objects.LastPatch!["metadata"]!["annotations"]!.AsObject();
        string token = annotations[FluxReleaseRetry.RequestedAt]!.GetValue<string>();
        annotations[FluxReleaseRetry.ForceAt]!.GetValue<string>().ShouldBe(token);
        annotations[FluxReleaseRetry.ResetAt]!.GetValue<string>().ShouldBe(token);
    }

    private static JsonObject Release(string ready, string reason, int upgradeFailures, bool stalled)
    {
        var conditions = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = ready, ["reason"] = reason, ["message"] = "m" });
        if (stalled)
        {
            conditions.Add(new JsonObject { ["type"] = "Stalled", ["status"] = "True", ["reason"] = "RetriesExceeded", ["message"] = "m" });
        }

        return new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "web", ["namespace"] = "web", ["generation"] = 2 },
            ["spec"] = new JsonObject { ["upgrade"] = new JsonObject { ["remediation"] = new JsonObject { ["retries"] = 3 } } },
            ["status"] = new JsonObject { ["upgradeFailures"] = upgradeFailures, ["conditions"] = conditions },
        };
    }

    private static JsonElement Parse(JsonObject obj) => JsonDocument.Parse(obj.ToJsonString()).RootElement.Clone();
}
