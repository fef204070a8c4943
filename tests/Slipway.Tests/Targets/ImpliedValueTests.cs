using Slipway.Targets;

namespace Slipway.Tests.Targets;

/// <summary>A requested target that <c>.Sets(() =&gt; _env, "staging")</c>: applied after binding, before requirements.</summary>
public sealed class ImpliedValueTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task A_requested_target_sets_the_value_its_dependencies_require()
    {
        BuildRun<ImpliedValueBuild> run = await _harness.RunAsync<ImpliedValueBuild>("ShipStaging");

        run.ExitCode.ShouldBe(ExitCodes.Success, run.All);
        run.Build.Ran.ShouldBe(["Ship:staging", "ShipStaging:staging"]);
    }

    [Fact]
    public async Task The_plan_is_shown_with_the_implied_value_and_help_still_works()
    {
        BuildRun<ImpliedValueBuild> plan = await _harness.RunAsync<ImpliedValueBuild>("--plan", "ShipDev");
        BuildRun<ImpliedValueBuild> help = await _harness.RunAsync<ImpliedValueBuild>("--help");

        plan.ExitCode.ShouldBe(ExitCodes.Success, plan.All);
        plan.Output.ShouldContain(" 1. Ship     dependency of ShipDev");
        plan.Build.Ran.ShouldBeEmpty();
        help.ExitCode.ShouldBe(ExitCodes.Success);
        help.Output.Split('\n').Single(static l => l.StartsWith("  ShipStaging ", StringComparison.Ordinal)).ShouldEndWith("(sets --env staging)  -> Ship");
    }

    [Theory]
    [InlineData("ShipStaging --env staging")]
    [InlineData("ShipStaging AlsoStaging")]
    public async Task The_same_value_given_or_implied_twice_is_fine(string commandLine)
    {
        BuildRun<ImpliedValueBuild> run = await _harness.RunAsync<ImpliedValueBuild>(commandLine.Split(' '));

        run.ExitCode.ShouldBe(ExitCodes.Success, run.All);
        run.Build.Ran.ShouldContain("ShipStaging:staging");
    }

    [Theory]
    [InlineData("ShipDev ShipStaging", "Run one of ShipDev, ShipStaging at a time: each sets --env to its own value (dev, staging).")]
    [InlineData("ShipStaging --env dev", "ShipStaging sets --env staging, but --env says dev. Drop --env, or run the steps with --env dev.")]
    [InlineData("SetsAProperty", "SetsAProperty sets Unbound, which is not a [Parameter] of the build.")]
    public async Task Conflicting_values_are_bad_input_before_anything_runs(string commandLine, string message)
    {
        BuildRun<ImpliedValueBuild> run = await _harness.RunAsync<ImpliedValueBuild>(commandLine.Split(' '));

        run.ExitCode.ShouldBe(ExitCodes.BadInput);
        run.Error.ShouldContain(message);
        run.Build.Ran.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_value_from_the_environment_conflicts_as_one_from_the_command_line_does()
    {
        _harness.Environment["SLIPWAY_ENV"] = "dev";

        BuildRun<ImpliedValueBuild> run = await _harness.RunAsync<ImpliedValueBuild>("ShipStaging");

        run.ExitCode.ShouldBe(ExitCodes.BadInput);
        run.Error.ShouldContain("ShipStaging sets --env staging, but --env says dev.");
    }

    [Fact]
    public async Task A_target_not_requested_implies_nothing()
    {
        BuildRun<ImpliedValueBuild> run = await _harness.RunAsync<ImpliedValueBuild>("Ship");

        run.ExitCode.ShouldBe(ExitCodes.BadInput);
        run.Build.Ran.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_missing_requirement_names_the_option_the_user_types_not_the_member()
    {
        BuildRun<ImpliedValueBuild> absent = await _harness.RunAsync<ImpliedValueBuild>("Ship");
        BuildRun<ImpliedValueBuild> empty = await _harness.RunAsync<ImpliedValueBuild>("Ship", "--env", string.Empty);

        foreach (BuildRun<ImpliedValueBuild> run in new[] { absent, empty })
        {
            run.ExitCode.ShouldBe(ExitCodes.BadInput);
            run.Error.ShouldContain("Parameter 'env' is required by Ship. Set it with --env <value>, the environment variable SLIPWAY_ENV, or \"Environment\" in .nuke/parameters.json.");
            run.Error.ShouldNotContain("_environment");
        }
    }
}
