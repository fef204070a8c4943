using Slipway.Verification;

namespace Slipway.Tests.Verification;

/// <summary>Verify scoped to an environment: its HelmRelease and workloads, and the versions the pushed commit names.</summary>
public sealed class ReleaseRulesTests
{
    private static readonly ExpectedRelease s_web = new("web", "web", "registry.local/web:r-2", "1.2.3", "clusters/staging/apps/web/helm-release.yaml at abc");

    [Fact]
    public void Running_what_the_commit_names_is_live()
    {
        VerificationReport report = Evaluate(Snapshot(Workload("registry.local/web:r-2", "web-1.2.3"), "1.2.3"));

        report.IsReady.ShouldBeTrue(report.Summary());
    }

    [Fact]
    public void Another_image_tag_is_a_version_mismatch_naming_expected_and_running()
    {
        VerificationReport report = Evaluate(Snapshot(Workload("registry.local/web:r-3", "web-1.2.3"), "1.2.3"));

        CheckResult failed = report.Failed.ShouldHaveSingleItem();
        failed.Reason.ShouldBe(ReleaseRules.VersionMismatch);
        failed.Message.ShouldBe("image: expected registry.local/web:r-2, running registry.local/web:r-3 (the pushed commit names it in clusters/staging/apps/web/helm-release.yaml at abc)");
    }

    [Fact]
    public void Another_chart_version_is_a_version_mismatch()
    {
        VerificationReport report = Evaluate(Snapshot(Workload("registry.local/web:r-2", "web-1.2.2"), "1.2.2"));

        report.Failed.ShouldHaveSingleItem().Message.ShouldStartWith("chart version: expected 1.2.3, running 1.2.2");
    }

    [Fact]
    public void A_release_the_commit_names_that_is_not_in_the_cluster_is_not_live()
    {
        VerificationReport report = Evaluate(new ReleaseSnapshot(s_web, null, []));

        report.IsReady.ShouldBeFalse();
        report.NotReady.ShouldHaveSingleItem().Reason.ShouldBe("NotFound");
    }

    [Fact]
    public void Versions_are_not_judged_while_the_release_is_still_rolling_out()
    {
        ReleaseWorkload rolling = Workload("registry.local/web:r-1", "web-1.2.3") with { Deployment = Deployment() with { UpdatedReplicas = 0 } };

        VerificationReport report = Evaluate(Snapshot(rolling, "1.2.3"));

        report.Failed.ShouldBeEmpty();
        report.IsReady.ShouldBeFalse();
    }

    [Fact]
    public void An_argo_application_running_another_chart_version_than_the_commit_is_a_version_mismatch()
    {
        var expected = new ExpectedRelease("argocd", "ingress-nginx", null, "4.11.3", "clusters/staging/platform/ingress-nginx.yaml at abc") { Destination = "ingress-nginx" };
        var snapshot = new ReleaseSnapshot(expected, null, [Workload("ingress-nginx:4.11.2", "ingress-nginx-4.11.2")]) { Application = Application("ingress-nginx", "4.11.2") };

        VerificationReport report = Evaluate(snapshot);

        expected.WorkloadSelector.ShouldBe("app.kubernetes.io/instance=ingress-nginx");
        report.Checks.Select(c => c.Subject).ShouldContain("Application argocd/ingress-nginx");
        report.Failed.ShouldHaveSingleItem().Message.ShouldStartWith("chart version: expected 4.11.3, running 4.11.2");
    }

    [Fact]
    public void An_argo_root_application_is_live_when_synced_and_healthy_without_workloads_of_its_own()
    {
        var root = new ExpectedRelease("argocd", "staging-apps", null, null, "clusters/staging/argocd/root.yaml at abc") { Destination = "argocd", IsRoot = true };

        VerificationReport synced = Evaluate(new ReleaseSnapshot(root, null, []) { Application = Application("staging-apps", null) });
        VerificationReport missing = Evaluate(new ReleaseSnapshot(root, null, []));

        synced.IsReady.ShouldBeTrue(synced.Summary());
        missing.NotReady.ShouldHaveSingleItem().Subject.ShouldBe("Application argocd/staging-apps");
    }

    private static ApplicationStatus Application(string name, string? deployedChart) => new()
    {
        Namespace = "argocd",
        Name = name,
        HasStatus = true,
        SyncStatus = "Synced",
        HealthStatus = "Healthy",
        DeployedChartVersion = deployedChart,
    };

    private static VerificationReport Evaluate(ReleaseSnapshot release)
        => VerificationReport.Evaluate(new ClusterSnapshot([new NodeStatus("n1", [new StatusCondition("Ready", "True", "KubeletReady", null)])], [], [], [], []) { Releases = [release] });

    private static ReleaseSnapshot Snapshot(ReleaseWorkload workload, string deployedChart)
        => new(s_web, new HelmReleaseStatus("web", "web", 2, 2, [new StatusCondition("Ready", "True", "UpgradeSucceeded", "ok")]) { DeployedChartVersion = deployedChart }, [workload]);

    private static ReleaseWorkload Workload(string image, string chartLabel)
        => new(Deployment(), chartLabel, [image], [new WorkloadPod(new PodStatus("web", "web-1", [], [new ContainerStatus("web", 0, null, null)]), [image])]);

    private static DeploymentStatus Deployment() => new()
    {
        Namespace = "web",
        Name = "web",
        Generation = 1,
        DesiredReplicas = 1,
        ObservedGeneration = 1,
        Replicas = 1,
        UpdatedReplicas = 1,
        AvailableReplicas = 1,
    };
}
