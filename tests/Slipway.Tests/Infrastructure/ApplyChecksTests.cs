using Slipway.Infrastructure;
using Slipway.Tests.Support;

namespace Slipway.Tests.Infrastructure;

public sealed class ApplyChecksTests
{
    private static readonly DateTimeOffset s_planned = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static readonly PlanMetadata s_metadata = new()
    {
        Environment = "staging",
        Workspace = "staging",
        Tool = "terraform",
        Stack = "infra/platform",
        PlanFile = ".nuke/temp/staging/infra.tfplan",
        PlanSha256 = "aa11",
        Commit = "c0ffee",
        CreatedAt = s_planned,
        HasChanges = true,
        Risk = RiskLevel.Low,
        Counts = PlanCounts.Empty with { Create = 1 },
    };

    [Theory]
    [InlineData("aa11", "c0ffee", "staging", 59, null)]
    [InlineData("AA11", "C0FFEE", "staging", 60, null)]
    [InlineData("bb22", "c0ffee", "staging", 1, "is not the plan that was reviewed: its SHA-256 is bb22, the review recorded aa11")]
    [InlineData("aa11", "beef", "staging", 1, "The plan was made at commit c0ffee but the repository is now at beef")]
    [InlineData("aa11", "c0ffee", "staging", 61, "The plan is 1h01m old, older than infrastructure.planMaxAge (1h00m)")]
    [InlineData("aa11", "c0ffee", "production", 1, "was made for environment 'staging' (workspace staging), not 'production'")]
    public void Plan_verification(string sha, string commit, string environment, int minutesLater, string? refusal)
    {
        var request = new InfraApplyRequest(new InfraOptions
        {
            RepositoryRoot = "/repo",
            StackDirectory = "/repo/infra/platform",
            Environment = environment,
            TimeProvider = TestClock.At(s_planned.AddMinutes(minutesLater)),
        });

        Exception? error = Record.Exception(() => PlanVerifier.Verify(s_metadata, new PlanOnDisk(sha, commit, new Dictionary<string, string>()), request, "infra.tfplan"));

        if (refusal is null)
        {
            error.ShouldBeNull();
            return;
        }

        SlipwayException refused = error.ShouldBeOfType<SlipwayException>();
        refused.Kind.ShouldBe(FailureKind.Refused);
        refused.Message.ShouldContain(refusal);
        refused.Message.ShouldContain($"Run PlanInfra again: ./build.sh PlanInfra --env {environment}");
    }

    [Fact]
    public async Task Nothing_destructive_needs_neither_flag_nor_approval()
    {
        var approval = new RecordingDestroyApproval(approve: false);

        await DestroyGuard.EnsureAllowedAsync("production", [], allowDestroy: false, approval, TestContext.Current.CancellationToken);

        approval.Seen.ShouldBeEmpty();
    }

    [Fact]
    public async Task Destroy_without_the_flag_is_refused_before_the_approval_is_asked()
    {
        var approval = new RecordingDestroyApproval(approve: true);
        ResourceChange[] destructive = [.. Enumerable.Range(0, 25).Select(static i => new ResourceChange($"a.b[{i}]", PlanAction.Delete, null))];

        SlipwayException refused = await Should.ThrowAsync<SlipwayException>(
            () => DestroyGuard.EnsureAllowedAsync("production", destructive, allowDestroy: false, approval, TestContext.Current.CancellationToken));

        refused.Kind.ShouldBe(FailureKind.Refused);
        refused.Message.ShouldContain("destroys or replaces 25 resource(s)");
        refused.Message.ShouldContain("… and 5 more");
        refused.Message.ShouldContain("./build.sh ApplyInfra --env production --allow-destroy");
        approval.Seen.ShouldBeEmpty();
    }

    [Fact]
    public async Task Destroy_with_the_flag_still_needs_the_approval()
    {
        ResourceChange[] destructive = [new("a.b", PlanAction.Replace, "replace_by_request")];

        await Should.ThrowAsync<SlipwayException>(
            () => DestroyGuard.EnsureAllowedAsync("production", destructive, allowDestroy: true, new RecordingDestroyApproval(approve: false), TestContext.Current.CancellationToken));
        var approval = new RecordingDestroyApproval(approve: true);
        await DestroyGuard.EnsureAllowedAsync("production", destructive, allowDestroy: true, approval, TestContext.Current.CancellationToken);

        approval.Seen.ShouldBe(destructive);
    }

    [Theory]
    [InlineData("prod uction", "--env 'prod uction' is not a valid environment name")]
    [InlineData("../etc", "--env '../etc' is not a valid environment name")]
    public async Task Bad_environment_names_are_input_errors(string environment, string expected)
    {
        var planner = new InfraPlanner(new Slipway.Processes.ProcessRunner(), new Slipway.Hosting.DictionaryEnvironmentVariables());
        var options = new InfraOptions { RepositoryRoot = "/repo", StackDirectory = "/repo/infra/platform", Environment = environment };

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => planner.PlanAsync(new InfraPlanRequest(options), TestContext.Current.CancellationToken));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void Report_lists_counts_destructive_changes_and_drift()
    {
        PlanMetadata plan = s_metadata with
        {
            Risk = RiskLevel.High,
            Counts = PlanCounts.Empty with { Create = 2, Delete = 1 },
            Destructive = [new ResourceChange("terraform_data.node[1]", PlanAction.Delete, "delete_because_count_index")],
            Drift = [new ResourceChange("terraform_data.dns", PlanAction.Update, null)],
        };

        string table = PlanReport.FormatTable(plan);
        string markdown = PlanReport.FormatMarkdown(plan);

        table.ShouldContain("risk HIGH (0 replace, 1 delete)");
        table.ShouldContain("  create        2");
        table.ShouldContain("  ! delete terraform_data.node[1] (delete_because_count_index)");
        table.ShouldContain("  ~ drift: terraform_data.dns (update outside terraform)");
        markdown.ShouldContain("| delete | 1 |");
        markdown.ShouldContain("- delete `terraform_data.node[1]` (delete_because_count_index)");
        markdown.ShouldContain("- `terraform_data.dns`: update");
        markdown.ShouldContain("commit `c0ffee`");
    }
}
