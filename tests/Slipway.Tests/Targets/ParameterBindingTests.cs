using Slipway.Targets;

namespace Slipway.Tests.Targets;

public sealed class ParameterBindingTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Binds_every_type_from_the_command_line()
    {
        BuildRun<SampleBuild> run = await _harness.RunAsync<SampleBuild>(
            "Restore", "--env", "staging", "--allow-destroy", "--retries", "7", "--timeout", "1h30m", "--mode", "bluegreen",
            "--apps", "web,api", "--apps", "worker", "--output2", "out/x", "--plan-file=a.tfplan");

        SampleBuild build = run.Build;
        run.ExitCode.ShouldBe(0);
        build.Env.ShouldBe("staging");
        build.AllowDestroy.ShouldBeTrue();
        build.Retries.ShouldBe(7);
        build.Timeout.ShouldBe(TimeSpan.FromMinutes(90));
        build.Mode.ShouldBe(DeployMode.BlueGreen);
        build.Apps.ShouldBe(["web", "api", "worker"]);
        ((string)build.Output2!).ShouldBe(Path.Combine(_harness.Root, "out", "x"));
        build.PlanFile.ShouldBe("a.tfplan");
    }

    [Theory]
    [InlineData("SLIPWAY_PLAN_FILE")]
    [InlineData("SLIPWAY_PLANFILE")]
    [InlineData("slipway_plan_file")]
    public async Task Binds_from_environment_variables_with_the_slipway_prefix_ignoring_case_and_separators(string variable)
    {
        _harness.Environment[variable] = "from-env.tfplan";

        BuildRun<SampleBuild> run = await _harness.RunAsync<SampleBuild>("Restore");

        run.Build.PlanFile.ShouldBe("from-env.tfplan");
    }

    [Fact]
    public async Task An_empty_variable_is_unset_so_an_input_left_empty_in_CI_keeps_the_next_source()
    {
        _harness.WriteParameters("parameters.json", """{ "Env": "json" }""");
        _harness.Environment["SLIPWAY_ENV"] = string.Empty;
        _harness.Environment["SLIPWAY_PLAN_FILE"] = string.Empty;

        BuildRun<SampleBuild> run = await _harness.RunAsync<SampleBuild>("Restore");

        run.ExitCode.ShouldBe(ExitCodes.Success, run.All);
        run.Build.Env.ShouldBe("json");
        run.Build.PlanFile.ShouldBeNull();
    }

    [Theory]
    [InlineData("PLAN_FILE")]
    [InlineData("plan-file")]
    [InlineData("PlanFile")]
    [InlineData("SLIPWAYPLAN_FILE")]
    public async Task Ignores_environment_variables_without_the_slipway_prefix(string variable)
    {
        _harness.Environment[variable] = "from-env.tfplan";
        _harness.Environment["ENV"] = "/home/user/.shrc";
        _harness.Environment["RETRIES"] = "not a number";

        BuildRun<SampleBuild> run = await _harness.RunAsync<SampleBuild>("Restore");

        run.ExitCode.ShouldBe(ExitCodes.Success, run.All);
        run.Build.PlanFile.ShouldBeNull();
        run.Build.Env.ShouldBeNull();
    }

    [Fact]
    public async Task Priority_is_command_line_then_environment_then_profile_then_parameters_json_then_default()
    {
        _harness.WriteParameters("parameters.json", """{ "Env": "json", "Retries": 4, "Mode": "BlueGreen", "Timeout": "90s", "Apps": ["a", "b"] }""");
        _harness.WriteParameters("parameters.ci.json", """{ "Env": "profile", "Retries": 5 }""");
        _harness.Environment["SLIPWAY_RETRIES"] = "6";

        BuildRun<SampleBuild> withProfile = await _harness.RunAsync<SampleBuild>("Restore", "--profile", "ci");
        BuildRun<SampleBuild> withArgument = await _harness.RunAsync<SampleBuild>("Restore", "--profile", "ci", "--env", "cli", "--retries", "9");
        BuildRun<SampleBuild> plain = await _harness.RunAsync<SampleBuild>("Restore");

        withProfile.Build.Env.ShouldBe("profile");
        withProfile.Build.Retries.ShouldBe(6);
        withArgument.Build.Env.ShouldBe("cli");
        withArgument.Build.Retries.ShouldBe(9);
        plain.Build.Env.ShouldBe("json");
        plain.Build.Mode.ShouldBe(DeployMode.BlueGreen);
        plain.Build.Timeout.ShouldBe(TimeSpan.FromSeconds(90));
        plain.Build.Apps.ShouldBe(["a", "b"]);
        plain.Build.AllowDestroy.ShouldBeFalse();
    }

    [Fact]
    public async Task An_unknown_key_in_parameters_json_is_an_input_error_with_a_suggestion()
    {
        _harness.WriteParameters("parameters.json", """{ "Retires": 4 }""");

        BuildRun<SampleBuild> run = await _harness.RunAsync<SampleBuild>("Restore");

        run.ExitCode.ShouldBe(ExitCodes.BadInput);
        run.Error.ShouldContain(".nuke/parameters.json: unknown parameter \"Retires\" (did you mean 'Retries'?)");
    }

    [Fact]
    public async Task Invalid_json_names_the_file_and_line()
    {
        _harness.WriteParameters("parameters.json", "{\n  \"Env\": ,\n}");

        BuildRun<SampleBuild> run = await _harness.RunAsync<SampleBuild>("Restore");

        run.ExitCode.ShouldBe(ExitCodes.BadInput);
        run.Error.ShouldContain(".nuke/parameters.json(2,10): invalid JSON: ',' is an invalid start of a value. Fix the file");
        run.Error.ShouldNotContain("LineNumber");
        run.Error.ShouldNotContain("BytePositionInLine");
    }

    [Theory]
    [InlineData("100")]
    [InlineData("-1")]
    [InlineData("99999999999")]
    public async Task An_integer_outside_its_range_is_an_input_error_naming_the_parameter_and_the_range(string value)
    {
        BuildRun<SampleBuild> run = await _harness.RunAsync<SampleBuild>("Restore", "--retries", value);

        run.ExitCode.ShouldBe(ExitCodes.BadInput);
        run.Error.ShouldContain($"Parameter 'retries' (from --retries): '{value}' is not a whole number from 0 to 99.");
        run.Build.Ran.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_range_of_an_integer_is_in_help_and_the_schema()
    {
        BuildRun<SampleBuild> help = await _harness.RunAsync<SampleBuild>("--help");
        await _harness.RunAsync<SampleBuild>("--plan");
        string schema = await File.ReadAllTextAsync(Path.Combine(_harness.Root, ".nuke", "build.schema.json"), TestContext.Current.CancellationToken);

        help.Output.ShouldContain("--retries <int 0..99>");
        schema.ShouldContain("\"minimum\": 0");
        schema.ShouldContain("\"maximum\": 99");
    }

    [Theory]
    [InlineData("""{ "Env": { "name": "staging" } }""", "an object")]
    [InlineData("""{ "Apps": [["a"], "b"] }""", "a nested list")]
    public async Task A_value_in_parameters_json_that_is_not_a_scalar_or_list_is_an_input_error(string json, string what)
    {
        _harness.WriteParameters("parameters.json", json);

        BuildRun<SampleBuild> run = await _harness.RunAsync<SampleBuild>("Restore");

        run.ExitCode.ShouldBe(ExitCodes.BadInput);
        run.Error.ShouldContain($"must be a string, a number, true/false or a list of those, not {what}.");
    }

    [Fact]
    public async Task A_bad_secret_value_is_not_echoed()
    {
        BuildRun<SampleBuild> run = await _harness.RunAsync<SampleBuild>("Restore", "--token", "a", "b");

        run.ExitCode.ShouldBe(ExitCodes.BadInput);
        run.Error.ShouldContain("Parameter 'token'");
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("5m", 300)]
    [InlineData("1h30m", 5400)]
    [InlineData("250ms", 0.25)]
    [InlineData("00:02:00", 120)]
    [InlineData("1.5m", 90)]
    public async Task Durations_parse_as_users_write_them_through_the_registered_type(string text, double seconds)
    {
        BuildRun<SampleBuild> run = await _harness.RunAsync<SampleBuild>("Restore", "--timeout", text);

        run.ExitCode.ShouldBe(ExitCodes.Success, run.All);
        run.Build.Timeout.TotalSeconds.ShouldBe(seconds);
    }

    [Fact]
    public async Task A_type_the_build_registers_no_parser_for_is_an_input_error()
    {
        BuildRun<UnregisteredTypeBuild> run = await _harness.RunAsync<UnregisteredTypeBuild>("Noop", "--wait", "5m");

        run.ExitCode.ShouldBe(ExitCodes.BadInput);
        run.Error.ShouldContain("Parameter 'Wait' has unsupported type TimeSpan.");
    }

    [Theory]
    [InlineData("PlanFile", "plan-file")]
    [InlineData("Env", "env")]
    [InlineData("GitHubToken", "git-hub-token")]
    [InlineData("DNSZone", "dns-zone")]
    public void Member_names_become_kebab_case_options(string member, string option)
        => Slipway.Targets.Parameters.NameConvention.ToKebabCase(member).ShouldBe(option);
}
