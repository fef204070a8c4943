using Slipway.Environments;
using Slipway.Environments.Settings;
using Slipway.Tests.Support;

namespace Slipway.Tests.Environments.Settings;

public sealed class EnvironmentSettingsTests
{
    [Fact]
    public async Task Staging_sample_reads_as_typed_settings_with_defaults()
    {
        EnvironmentSettings staging = EnvironmentSettings.Load(await EnvironmentCatalog.LoadAsync(RepositoryPaths.Root, TestContext.Current.CancellationToken), "staging");

        staging.Name.ShouldBe("staging");
        staging.Protected.ShouldBeFalse();
        staging.Cluster.ShouldBe(new ClusterSettings(true, null, null));
        staging.GitOps.ShouldBe(new GitOpsSettings("local", "main", "clusters/staging", "flux"));
        staging.GitOps.IsLocal.ShouldBeTrue();
        InfrastructureSettings infrastructure = staging.Infrastructure.ShouldNotBeNull();
        infrastructure.Stack.ShouldBe("infra/platform");
        infrastructure.Workspace.ShouldBe("staging");
        infrastructure.Tool.ShouldBe(InfrastructureTool.Terraform);
        infrastructure.PlanMaxAge.ShouldBe(TimeSpan.FromHours(1));
        infrastructure.Variables.Keys.Order().ShouldBe(["cluster_name", "dns_zone", "node_count", "region"]);
        infrastructure.Variables["node_count"].ShouldBe("2");
        AppSettings web = staging.Apps["web"];
        web.ShouldBe(web with { Image = "registry.local/web", Tag = "staging-123", Replicas = 2, Namespace = "web" });
        web.ImageReference.ShouldBe("registry.local/web:staging-123");
        staging.Platform.Releases.Keys.ShouldBe(["ingress-nginx", "kube-prometheus-stack"]);
        staging.Gates.Branches.ShouldBe(["main", "release/*"]);
        staging.Verify.Timeout.ShouldBe(TimeSpan.FromMinutes(5));
        staging.Verify.Interval.ShouldBe(TimeSpan.FromSeconds(5));
        staging.Rollback.Auto.ShouldBeTrue();
    }

    [Fact]
    public async Task Production_sample_is_protected_on_a_kubeconfig_cluster_with_gates()
    {
        EnvironmentSettings production = EnvironmentSettings.Load(await EnvironmentCatalog.LoadAsync(RepositoryPaths.Root, TestContext.Current.CancellationToken), "production");

        production.Protected.ShouldBeTrue();
        production.Cluster.ShouldBe(new ClusterSettings(false, "~/.kube/config", "aks-prod"));
        production.Gates.Approvals.ShouldBe(2);
        production.Gates.Branches.ShouldBe(["main"]);
        production.Gates.Cooling.ShouldBe(TimeSpan.FromHours(1));
        production.Gates.PromoteFrom.ShouldBe("staging");
        DeploymentWindow window = production.Gates.Windows.ShouldHaveSingleItem();
        window.Days.ShouldBe([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);
        (window.Start, window.End, window.TimeZone).ShouldBe((new TimeOnly(8, 0), new TimeOnly(17, 0), "UTC"));
        production.Verify.Timeout.ShouldBe(TimeSpan.FromMinutes(10));
        production.Apps["web"].Endpoints.ShouldBe(["https://web.example.com/healthz"]);
    }

    [Fact]
    public async Task Freezes_and_risk_approvals_read_with_their_defaults()
    {
        using var repository = new TempRepository();
        repository.Write("x/env.yaml", "cluster:\n  local: true\ngitops:\n  repository: local\n  engine: flux\ngates:\n  approvals: 1\n  riskApprovals: { medium: 1 }\n"
            + "  freezes:\n    - from: 2026-12-20\n      to: 2027-01-03\n      reason: year-end\n      timezone: Europe/Amsterdam\n");
        repository.Write("y/env.yaml", "cluster:\n  local: true\ngitops:\n  repository: local\n  engine: flux\n");

        EnvironmentCatalog catalog = await EnvironmentCatalog.LoadAsync(repository.Root, TestContext.Current.CancellationToken);
        GatesSettings x = EnvironmentSettings.Load(catalog, "x").Gates;
        GatesSettings y = EnvironmentSettings.Load(catalog, "y").Gates;

        x.Freezes.ShouldHaveSingleItem().ShouldBe(new FreezePeriod(new DateOnly(2026, 12, 20), new DateOnly(2027, 1, 3), "year-end", "Europe/Amsterdam"));
        x.RiskApprovals.ShouldBe(new RiskApprovals(1, 1, 1));
        y.Freezes.ShouldBeEmpty();
        y.RiskApprovals.ShouldBe(RiskApprovals.Default);
        y.Cooling.ShouldBe(GatesSettings.DefaultCooling);
    }

    [Fact]
    public async Task Release_values_are_a_plain_nested_object()
    {
        EnvironmentSettings production = EnvironmentSettings.Load(await EnvironmentCatalog.LoadAsync(RepositoryPaths.Root, TestContext.Current.CancellationToken), "production");

        ReleaseSettings ingress = production.Platform.Releases["ingress-nginx"];
        (ingress.Chart, ingress.Version, ingress.Namespace).ShouldBe(("ingress-nginx", "4.11.3", "ingress-nginx"));
        var controller = (Dictionary<string, object?>)ingress.Values["controller"]!;
        controller["replicaCount"].ShouldBe(2L);
        ((Dictionary<string, object?>)controller["metrics"]!)["enabled"].ShouldBe(true);
        ((Dictionary<string, object?>)controller["service"]!)["type"].ShouldBe("LoadBalancer");
        var grafana = (Dictionary<string, object?>)production.Platform.Releases["kube-prometheus-stack"].Values["grafana"]!;
        grafana["adminPassword"].ShouldBe("${env:GRAFANA_ADMIN_PASSWORD}");
    }

    [Fact]
    public async Task Aio_drops_the_monitoring_stack_with_null()
    {
        EnvironmentSettings aio = EnvironmentSettings.Load(await EnvironmentCatalog.LoadAsync(RepositoryPaths.Root, TestContext.Current.CancellationToken), "aio");

        aio.Platform.Releases.Keys.ShouldBe(["ingress-nginx"]);
        aio.GitOps.Path.ShouldBe("clusters/aio");
        aio.Infrastructure!.Workspace.ShouldBe("aio");
    }

    [Fact]
    public async Task Invalid_environment_is_bad_input_listing_every_problem()
    {
        using var repository = new TempRepository();
        repository.Write("x/env.yaml", "cluster:\n  local: maybe\ngitops:\n  repository: local\n  engine: fluxx\n");

        SlipwayException exception = await Should.ThrowAsync<SlipwayException>(async () =>
            EnvironmentSettings.Load(await EnvironmentCatalog.LoadAsync(repository.Root, TestContext.Current.CancellationToken), "x"));

        exception.Kind.ShouldBe(FailureKind.Input);
        exception.Message.ShouldContain("environments/x/env.yaml(2,10): error SLW0101");
        exception.Message.ShouldContain("environments/x/env.yaml(5,11): error SLW0104");
    }
}
