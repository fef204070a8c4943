using Slipway.Environments;
using Slipway.Gates;
using Slipway.Infrastructure;
using Slipway.Tests.GitOps;
using Slipway.Tests.Support;

namespace Slipway.Tests.Gates;

/// <summary>Change impact on real git diffs: a repository with this repository's environments and an infra/ file, committed, then changed.</summary>
public sealed class ImpactAnalyzerTests : IDisposable
{
    private readonly TempDirectory _repo = new("slipway-impact");

    public ImpactAnalyzerTests()
    {
        foreach (string file in Directory.GetFiles(RepositoryPaths.Combine("environments"), "*", SearchOption.AllDirectories))
        {
            _repo.Write(Path.GetRelativePath(RepositoryPaths.Root, file), File.ReadAllText(file));
        }

        _repo.Write("infra/platform/main.tf", "terraform {}\n");
        _repo.Write("docs/readme.md", "docs\n");
        GitFixture.Git(_repo.Path, "init", "-q", "-b", "main");
        GitFixture.Git(_repo.Path, "add", "-A");
        GitFixture.Git(_repo.Path, "-c", "user.name=t", "-c", "user.email=t@localhost", "commit", "-q", "-m", "deployed");
        Deployed = GitFixture.Git(_repo.Path, "rev-parse", "HEAD");
    }

    private string Deployed { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _repo.Dispose();

    private async Task<ChangeImpact> AnalyzeAsync(string environment, string? baseline, string? plan = null)
        => await ImpactAnalyzer.AnalyzeAsync(new ImpactRequest(_repo.Path, environment, baseline, _repo.Combine(".scratch"))
        {
            PlanMetadata = plan,
            Catalog = await EnvironmentCatalog.LoadAsync(_repo.Path, Ct),
        }, Ct);

    private void Edit(string file, string from, string to)
    {
        string path = _repo.Combine(file);
        string text = File.ReadAllText(path);
        text.ShouldContain(from);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nothing_changed_since_the_deployed_commit_is_no_risk()
    {
        ChangeImpact impact = await AnalyzeAsync("dev", Deployed);

        impact.Risk.ShouldBe(ChangeRisk.None);
        impact.Describe().ShouldContain("  nothing changes");
    }

    [Fact]
    public async Task An_app_tag_is_low_a_chart_version_medium_an_infra_file_high_by_key_and_by_file()
    {
        Edit("environments/dev/env.yaml", "tag: dev-1", "tag: dev-2");
        ChangeImpact apps = await AnalyzeAsync("dev", Deployed);
        Edit("environments/base/env.yaml", "version: 4.11.3", "version: 4.11.4");
        ChangeImpact platform = await AnalyzeAsync("dev", Deployed);
        _repo.Write("infra/platform/main.tf", "terraform { required_version = \">= 1.6\" }\n");
        _repo.Write("docs/readme.md", "other docs\n");
        ChangeImpact infra = await AnalyzeAsync("dev", Deployed);

        apps.Risk.ShouldBe(ChangeRisk.Low);
        apps.Items.ShouldHaveSingleItem().ShouldBe(new ImpactItem("apps.web", ChangeRisk.Low, "apps.web.tag dev-1 -> dev-2"));
        platform.Risk.ShouldBe(ChangeRisk.Medium);
        platform.Items.ShouldContain(new ImpactItem("platform.releases.ingress-nginx", ChangeRisk.Medium, "platform.releases.ingress-nginx.version 4.11.3 -> 4.11.4"));
        infra.Risk.ShouldBe(ChangeRisk.High);
        infra.Items.ShouldContain(new ImpactItem("infra/platform/main.tf", ChangeRisk.High, "infrastructure code changed"));
        infra.Items.ShouldNotContain(i => i.Component.StartsWith("docs", StringComparison.Ordinal));
        infra.ToMarkdown().ShouldContain("| high | `infra/platform/main.tf` | infrastructure code changed |");
    }

    [Fact]
    public async Task An_infrastructure_key_is_high_and_names_the_key_not_its_value()
    {
        Edit("environments/dev/env.yaml", "cluster_name: web-dev", "cluster_name: web-dev2");

        ChangeImpact impact = await AnalyzeAsync("dev", Deployed);

        impact.Risk.ShouldBe(ChangeRisk.High);
        impact.Items.ShouldHaveSingleItem().ShouldBe(new ImpactItem("infrastructure", ChangeRisk.High, "infrastructure.variables.cluster_name changed"));
    }

    [Fact]
    public async Task Without_a_recorded_release_everything_is_new_and_a_missing_baseline_commit_is_high_saying_how_to_fetch_it()
    {
        ChangeImpact first = await AnalyzeAsync("dev", baseline: null);
        ChangeImpact shallow = await AnalyzeAsync("dev", "0123456789abcdef0123456789abcdef01234567");

        first.Baseline.ShouldBe("no release recorded: everything is new");
        first.Risk.ShouldBe(ChangeRisk.High);
        first.Items.ShouldContain(i => i.Component == "apps.web" && i.Reason.Contains("apps.web.tag = dev-1 (new)"));
        shallow.Risk.ShouldBe(ChangeRisk.High);
        shallow.Items.ShouldHaveSingleItem().Reason.ShouldContain("fetch-depth: 0");
    }

    [Fact]
    public async Task A_plan_that_replaces_or_deletes_is_critical()
    {
        string plan = _repo.Combine(".nuke", "temp", "dev", PlanMetadata.FileName);
        await new PlanMetadata
        {
            Environment = "dev",
            Workspace = "dev",
            Tool = "terraform",
            Stack = "infra/platform",
            PlanFile = "infra.tfplan",
            PlanSha256 = "00",
            Commit = Deployed,
            CreatedAt = DateTimeOffset.UnixEpoch,
            HasChanges = true,
            Risk = RiskLevel.High,
            Counts = new PlanCounts { Replace = 1 },
            Destructive = [new ResourceChange("null_resource.cluster", PlanAction.Replace, null)],
        }.WriteAsync(plan, Ct);

        ChangeImpact impact = await AnalyzeAsync("dev", Deployed, plan);

        impact.Risk.ShouldBe(ChangeRisk.Critical);
        impact.Items.ShouldHaveSingleItem().Reason.ShouldBe("replaces or deletes null_resource.cluster");
    }
}
