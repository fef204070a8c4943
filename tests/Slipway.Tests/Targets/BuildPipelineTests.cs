using Slipway.Targets;

namespace Slipway.Tests.Targets;

public sealed class BuildPipelineTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Runs_dependencies_in_order_and_prints_a_summary()
    {
        BuildRun<SampleBuild> run = await _harness.RunAsync<SampleBuild>("Test");

        run.ExitCode.ShouldBe(ExitCodes.Success);
        run.Build.Ran.ShouldBe(["Restore", "Compile", "Test"]);
        run.Output.ShouldContain("Restore  Succeeded");
        run.Output.ShouldContain("Total");
    }

    [Fact]
    public async Task Runs_the_default_target_when_none_is_named()
    {
        BuildRun<SampleBuild> run = await _harness.RunAsync<SampleBuild>();

        run.Build.Ran.ShouldBe(["Restore", "Compile", "Test"]);
    }

    [Fact]
    public async Task Target_names_are_case_insensitive_and_can_follow_dash_dash_target()
    {
        BuildRun<SampleBuild> run = await _harness.RunAsync<SampleBuild>("--target", "restore", "report");

        run.Build.Ran.ShouldBe(["Restore", "Report"]);
    }

    [Fact]
    public async Task Skip_skips_the_named_targets()
    {
        BuildRun<SampleBuild> run = await _harness.RunAsync<SampleBuild>("Test", "--skip", "Restore,Compile");

        run.Build.Ran.ShouldBe(["Test"]);
        run.Output.ShouldContain("Skipped");
    }

    [Fact]
    public async Task A_failing_target_exits_1_and_its_dependents_do_not_run_but_assured_targets_do()
    {
        BuildRun<SampleBuild> run = await _harness.RunAsync<SampleBuild>("Test", "Cleanup", "--fail-compile");

        run.ExitCode.ShouldBe(ExitCodes.TargetFailed);
        run.Build.Ran.ShouldBe(["Restore", "Compile", "Cleanup"]);
        run.Output.ShouldContain("Test     NotRun");
        run.Error.ShouldContain("compile failed");
        run.Error.ShouldNotContain("   at "); // no stack trace for an expected failure
        run.Build.Finished.ShouldBeTrue();
    }

    [Fact]
    public async Task ProceedAfterFailure_lets_independent_targets_run_and_a_bug_hides_its_stack_without_verbose()
    {
        BuildRun<SampleBuild> run = await _harness.RunAsync<SampleBuild>("Lint", "Restore");

        run.ExitCode.ShouldBe(ExitCodes.TargetFailed);
        run.Build.Ran.ShouldBe(["Restore", "Lint"]);
        run.Error.ShouldContain("InvalidOperationException: lint bug");
        run.Error.ShouldContain("--verbose");
        run.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Verbose_shows_the_stack_trace()
    {
        BuildRun<SampleBuild> run = await _harness.RunAsync<SampleBuild>("Lint", "--verbose");

        run.Error.ShouldContain("   at ");
    }

    [Fact]
    public async Task Triggers_run_after_the_trigger_and_requirements_are_checked_before_anything_runs()
    {
        BuildRun<SampleBuild> missing = await _harness.RunAsync<SampleBuild>("Deploy");
        BuildRun<SampleBuild> given = await _harness.RunAsync<SampleBuild>("Deploy", "--env", "staging");

        missing.ExitCode.ShouldBe(ExitCodes.BadInput);
        missing.Build.Ran.ShouldBeEmpty();
        missing.Error.ShouldContain("Parameter 'env' is required by Deploy. Set it with --env <value>, the environment variable SLIPWAY_ENV, or \"Env\" in .nuke/parameters.json.");
        given.Build.Ran.ShouldBe(["Restore", "Compile", "Test", "Deploy:staging", "Notify"]);
    }

    [Fact]
    public async Task Static_and_dynamic_conditions_skip_targets()
    {
        BuildRun<SampleBuild> run = await _harness.RunAsync<SampleBuild>("Publish", "Maybe");
        BuildRun<SampleBuild> allowed = await _harness.RunAsync<SampleBuild>("Publish", "Maybe", "--allow-destroy", "--retries", "6");

        run.Build.Ran.ShouldBeEmpty(); // Publish is skipped statically, so Compile and Restore are not pulled in
        run.Output.ShouldContain("condition false");
        allowed.Build.Ran.ShouldBe(["Restore", "Compile", "Publish", "Maybe"]);
    }

    [Theory]
    [InlineData("Tset", "Unknown target 'Tset' (did you mean 'Test'?)")]
    [InlineData("Test --retires 3", "Unknown parameter '--retires' (did you mean '--retries'?)")]
    [InlineData("Test --retries many", "Parameter 'retries' (from --retries): 'many' is not a whole number from 0 to 99.")]
    [InlineData("Test --timeout 5x", "Parameter 'timeout' (from --timeout): '5x' is not a duration (write e.g. 90s, 5m, 1h30m).")]
    [InlineData("Test --mode sideways", "Parameter 'mode' (from --mode): 'sideways' is not one of Rolling, BlueGreen.")]
    [InlineData("Test --env a b", "Parameter 'env' (from --env): takes one value but got 2: a b.")]
    [InlineData("Test --profile nope", "--profile nope: .nuke/parameters.nope.json does not exist; create it (a JSON object of parameter names and values) or leave out --profile nope.")]
    [InlineData("--plan --format svg", "--format svg: unknown plan format; use text or mermaid.")]
    public async Task Bad_input_exits_2_with_a_message_that_names_the_fix(string commandLine, string message)
    {
        BuildRun<SampleBuild> run = await _harness.RunAsync<SampleBuild>(commandLine.Split(' '));

        run.ExitCode.ShouldBe(ExitCodes.BadInput);
        run.Error.ShouldContain(message);
        run.Build.Ran.ShouldBeEmpty();
    }

    [Fact]
    public async Task All_input_problems_are_reported_together()
    {
        BuildRun<SampleBuild> run = await _harness.RunAsync<SampleBuild>("Tset", "--retires", "1", "--timeout", "x");

        run.Error.ShouldContain("Unknown target 'Tset'");
        run.Error.ShouldContain("Unknown parameter '--retires'");
    }

    [Fact]
    public async Task Plan_prints_the_order_and_why_without_running()
    {
        BuildRun<SampleBuild> run = await _harness.RunAsync<SampleBuild>("Deploy", "--env", "dev", "--skip", "Restore", "--plan");

        run.ExitCode.ShouldBe(ExitCodes.Success);
        run.Build.Ran.ShouldBeEmpty();
        run.Output.ShouldContain(
            """
            Execution plan:
              - Restore  dependency of Compile; skipped: --skip
             1. Compile  dependency of Test
             2. Test     dependency of Deploy
             3. Deploy   requested
             4. Notify   triggered by Deploy
            """.ReplaceLineEndings());
    }

    [Theory]
    [InlineData("--plan Deploy --env dev")]
    [InlineData("--env dev --plan Deploy")]
    [InlineData("--verbose --plan Deploy --env dev")]
    public async Task Targets_may_follow_the_engine_flags(string commandLine)
    {
        BuildRun<SampleBuild> run = await _harness.RunAsync<SampleBuild>(commandLine.Split(' '));

        run.ExitCode.ShouldBe(ExitCodes.Success, run.All);
        run.Build.Env.ShouldBe("dev");
        run.Output.ShouldContain(" 4. Deploy   requested");
    }

    [Fact]
    public async Task Plan_as_mermaid_draws_the_edges()
    {
        BuildRun<SampleBuild> run = await _harness.RunAsync<SampleBuild>("Deploy", "--env", "dev", "--plan", "--format", "mermaid");

        run.Output.ShouldContain("flowchart LR");
        run.Output.ShouldContain("Compile --> Test");
        run.Output.ShouldContain("Deploy -. triggers .-> Notify");
    }

    [Fact]
    public async Task Help_lists_targets_dependencies_and_parameters_with_defaults()
    {
        BuildRun<SampleBuild> run = await _harness.RunAsync<SampleBuild>("--help");

        run.ExitCode.ShouldBe(ExitCodes.Success);
        run.Output.ShouldContain("Default (default)");
        run.Output.ShouldContain("-> Restore");
        run.Output.ShouldContain("--timeout <duration>");
        run.Output.ShouldContain("default: 5m; env: SLIPWAY_TIMEOUT; json: \"Timeout\"");
        run.Output.ShouldContain("--mode <rolling|bluegreen>");
    }

    [Fact]
    public async Task Secrets_are_masked_in_failures_and_summaries()
    {
        _harness.Environment["SLIPWAY_TOKEN"] = "tok-123456";

        BuildRun<SampleBuild> run = await _harness.RunAsync<SampleBuild>("Compile", "--fail-compile");

        run.Build.Token.ShouldBe("tok-123456");
        run.All.ShouldNotContain("tok-123456");
        run.Error.ShouldContain("compile failed, token was ***");
    }

    [Fact]
    public async Task Schema_is_written_when_out_of_date_and_lists_targets_and_parameters()
    {
        await _harness.RunAsync<SampleBuild>("--plan");
        string path = Path.Combine(_harness.Root, ".nuke", "build.schema.json");
        DateTime first = File.GetLastWriteTimeUtc(path);
        File.SetLastWriteTimeUtc(path, first.AddMinutes(-5));

        await _harness.RunAsync<SampleBuild>("--plan");
        string schema = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);

        File.GetLastWriteTimeUtc(path).ShouldBe(first.AddMinutes(-5)); // unchanged content → not rewritten
        schema.ShouldContain("\"Retries\"");
        schema.ShouldContain("\"BlueGreen\"");
        schema.ShouldContain("\"Deploy\"");
        schema.ShouldContain("the environment variable SLIPWAY_TOKEN");
    }

    [Fact]
    public async Task Continue_skips_what_succeeded_with_the_same_arguments_only()
    {
        BuildRun<SampleBuild> failed = await _harness.RunAsync<SampleBuild>("Test", "--fail-compile");
        failed.Build.Ran.ShouldBe(["Restore", "Compile"]);

        BuildRun<SampleBuild> again = await _harness.RunAsync<SampleBuild>("Test", "--fail-compile", "--continue");
        BuildRun<SampleBuild> different = await _harness.RunAsync<SampleBuild>("Test", "--continue");

        again.Build.Ran.ShouldBe(["Compile"]);
        again.Output.ShouldContain("Skipping Restore: it succeeded in the previous run with the same arguments (--continue).");
        different.Build.Ran.ShouldBe(["Restore", "Compile", "Test"]);
        different.Output.ShouldContain("starting afresh");
    }

    [Fact]
    public async Task Ctrl_c_cancels_the_token_runs_assured_targets_and_exits_130()
    {
        using var cancellation = new CancellationTokenSource();
        var build = new SampleBuild();
        cancellation.Cancel();

        BuildRun<SampleBuild> run = await _harness.RunAsync(build, ["Test", "Cleanup"], cancellation.Token);

        run.ExitCode.ShouldBe(ExitCodes.Interrupted);
        run.Build.Ran.ShouldBe(["Cleanup"]);
        run.Build.Finished.ShouldBeTrue();
    }

    [Fact]
    public async Task The_root_is_found_upwards_from_a_subfolder()
    {
        Directory.CreateDirectory(Path.Combine(_harness.Root, "a", "b"));
        var build = new SampleBuild();

        var masker = new Slipway.Targets.Output.SecretMasker();
        var output = new Slipway.Targets.Output.MaskingTextWriter(new StringWriter(), masker);
        var context = new Slipway.Targets.Execution.RunContext(output, output, new Dictionary<string, string>(), Path.Combine(_harness.Root, "a", "b"), false);
        int exit = await new Slipway.Targets.Execution.BuildPipeline(build, context, masker).RunAsync(["Restore"], ["Default"], CancellationToken.None);

        exit.ShouldBe(0);
        ((string)build.RootDirectory).ShouldBe(_harness.Root);
    }
}
