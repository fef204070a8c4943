using System.Text.Json;
using Slipway.Cluster;
using Slipway.Verification;

namespace Slipway.Tests.Verification;

public sealed class RolloutRulesTests
{
    private static DeploymentStatus Deployment(int desired, long generation, long observed, int updated, int replicas, int available, string? progressingReason = null) => new()
    {
        Namespace = "web",
        Name = "web",
        Generation = generation,
        DesiredReplicas = desired,
        ObservedGeneration = observed,
        UpdatedReplicas = updated,
        Replicas = replicas,
        AvailableReplicas = available,
        Conditions = progressingReason is null ? [] : [new StatusCondition("Progressing", "False", progressingReason, "deadline")],
    };

    [Theory]
    [InlineData(2, 2, 2, 2, 2, 2, CheckState.Ready, "RolledOut")]
    [InlineData(2, 3, 2, 2, 2, 2, CheckState.Progressing, "WaitingForObservation")]
    [InlineData(2, 2, 2, 1, 2, 2, CheckState.Progressing, "Updating")]
    [InlineData(2, 2, 2, 2, 3, 2, CheckState.Progressing, "OldReplicasPending")]
    [InlineData(2, 2, 2, 2, 2, 1, CheckState.Progressing, "Unavailable")]
    public void Deployment_follows_the_kubectl_rollout_rules(int desired, long generation, long observed, int updated, int replicas, int available, CheckState state, string reason)
    {
        CheckResult result = RolloutRules.Deployment(Deployment(desired, generation, observed, updated, replicas, available));

        result.State.ShouldBe(state);
        result.Reason.ShouldBe(reason);
    }

    [Fact]
    public void A_progress_deadline_is_a_failure()
        => RolloutRules.Deployment(Deployment(2, 2, 2, 1, 2, 1, "ProgressDeadlineExceeded")).State.ShouldBe(CheckState.Failed);

    [Theory]
    [InlineData("ImagePullBackOff")]
    [InlineData("ErrImagePull")]
    [InlineData("CrashLoopBackOff")]
    [InlineData("CreateContainerConfigError")]
    public void A_pod_waiting_for_a_bad_reason_is_reported_with_pod_container_reason_and_message(string reason)
    {
        var pod = new PodStatus("web", "web-abc", [], [new ContainerStatus("web", RestartCount: 3, WaitingReason: reason, WaitingMessage: "details")]);

        CheckResult? problem = RolloutRules.PodProblem(pod);

        problem.ShouldNotBeNull();
        problem.ToString().ShouldBe($"Pod web/web-abc container web: Failed ({reason}) details (restarted 3 times)");
    }

    [Fact]
    public void A_failing_pod_quotes_its_last_Warning_event_unless_the_message_already_says_it()
    {
        var pod = new PodStatus("web", "web-abc", [], [new ContainerStatus("web", RestartCount: 0, WaitingReason: "ImagePullBackOff", WaitingMessage: "Back-off pulling image \"web:9\"")])
        {
            LastWarning = "Failed: Failed to pull image \"web:9\": not found",
        };

        RolloutRules.PodProblem(pod)!.Message.ShouldBe("Back-off pulling image \"web:9\"; last Warning event: Failed: Failed to pull image \"web:9\": not found");
        RolloutRules.PodProblem(pod with { LastWarning = "Back-off pulling image \"web:9\"" })!.Message.ShouldBe("Back-off pulling image \"web:9\"");
    }

    [Fact]
    public void A_pod_that_is_just_creating_is_not_a_problem()
    {
        var pod = new PodStatus("web", "web-abc", [], [new ContainerStatus("web", RestartCount: 0, WaitingReason: "ContainerCreating", WaitingMessage: null)]);

        RolloutRules.PodProblem(pod).ShouldBeNull();
    }

    [Theory]
    [InlineData("True", "UpgradeSucceeded", 2, 2, CheckState.Ready)]
    [InlineData("True", "UpgradeSucceeded", 3, 2, CheckState.Progressing)]
    [InlineData("Unknown", "Progressing", 2, 2, CheckState.Progressing)]
    [InlineData("False", "RollbackSucceeded", 2, 2, CheckState.Failed)]
    [InlineData("False", "UpgradeFailed", 2, 2, CheckState.Failed)]
    public void HelmRelease_is_ready_only_when_Ready_is_true_for_the_current_generation(string status, string reason, long generation, long observed, CheckState state)
    {
        JsonElement release = JsonSerializer.SerializeToElement(new
        {
            metadata = new { name = "web", @namespace = "web", generation },
            status = new { observedGeneration = observed, conditions = new[] { new { type = "Ready", status, reason, message = "m" } } },
        });

        RolloutRules.HelmRelease(RolloutCustomObjects.HelmRelease(release)).State.ShouldBe(state);
    }

    [Theory]
    [InlineData("Synced", "Healthy", "Succeeded", CheckState.Ready)]
    [InlineData("OutOfSync", "Healthy", "Running", CheckState.Progressing)]
    [InlineData("Synced", "Degraded", "Succeeded", CheckState.Failed)]
    [InlineData("Synced", "Progressing", "Failed", CheckState.Failed)]
    public void Application_is_ready_when_synced_and_healthy(string sync, string health, string phase, CheckState state)
    {
        JsonElement application = JsonSerializer.SerializeToElement(new
        {
            metadata = new { name = "web", @namespace = "argocd" },
            status = new { sync = new { status = sync }, health = new { status = health }, operationState = new { phase, message = "m" } },
        });

        RolloutRules.Application(RolloutCustomObjects.Application(application)).State.ShouldBe(state);
    }

    [Fact]
    public void An_application_whose_status_was_compared_against_an_older_source_is_still_progressing()
    {
        JsonElement stale = JsonSerializer.SerializeToElement(new
        {
            metadata = new { name = "web", @namespace = "argocd" },
            spec = new { source = new { path = "charts/web", helm = new { parameters = new[] { new { name = "image.tag", value = "2.0" } } } } },
            status = new
            {
                sync = new { status = "Synced", comparedTo = new { source = new { path = "charts/web", helm = new { parameters = new[] { new { name = "image.tag", value = "1.0" } } } } } },
                health = new { status = "Healthy" },
            },
        });

        CheckResult result = RolloutRules.Application(RolloutCustomObjects.Application(stale));

        result.State.ShouldBe(CheckState.Progressing);
        result.Reason.ShouldBe("Comparing");
    }

    [Fact]
    public void A_report_is_ready_only_when_every_check_is_and_summarises_what_waits()
    {
        var node = new NodeStatus("n1", [new StatusCondition("Ready", "True", Reason: null, Message: null)]);
        var report = VerificationReport.Evaluate(new ClusterSnapshot([node], [Deployment(2, 1, 1, 1, 2, 1)], [], [], []));

        report.IsReady.ShouldBeFalse();
        report.Summary().ShouldBe("1/2 ready; waiting for Deployment web/web (1 of 2 replicas updated)");
        VerificationReport.Evaluate(new ClusterSnapshot([], [], [], [], [])).IsReady.ShouldBeFalse();
    }
}
