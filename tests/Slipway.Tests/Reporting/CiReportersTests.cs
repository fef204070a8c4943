using Slipway.Hosting;
using Slipway.Reporting;
using Slipway.Tests.Support;

namespace Slipway.Tests.Reporting;

public sealed class CiReportersTests : IDisposable
{
    private readonly TempDirectory _temp = new("slipway-reporting");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_CI_system_is_told_by_its_variables()
    {
        CiReporters.Detect(Variables(("GITHUB_ACTIONS", "true")), _temp.Path).ShouldBeOfType<GitHubActionsReporter>();
        CiReporters.Detect(Variables(("GITLAB_CI", "true")), _temp.Path).ShouldBeOfType<GitLabReporter>();
        CiReporters.Detect(Variables(("CI", "true")), _temp.Path).ShouldBeNull();
    }

    [Fact]
    public async Task Without_its_files_a_GitHub_run_writes_nothing_and_says_so()
    {
        IReadOnlyList<string> written = await new GitHubActionsReporter(Variables(("GITHUB_ACTIONS", "true"))).WriteAsync(Report(), Ct);

        written.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unwritable_summary_is_a_clear_error_naming_the_file()
    {
        string summary = _temp.Combine("missing-folder", "summary.md");

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => new GitHubActionsReporter(Variables(("GITHUB_STEP_SUMMARY", summary))).WriteAsync(Report(), Ct));

        error.Message.ShouldContain(summary);
    }

    [Fact]
    public void A_dotenv_value_with_a_line_break_is_refused_naming_the_output()
    {
        SlipwayException error = Should.Throw<SlipwayException>(() => GitLabReporter.Render([new CiOutput("environment-url", "http://a\nB=c")]));

        error.Message.ShouldContain("environment-url");
    }

    [Fact]
    public void A_multi_line_output_keeps_its_lines_between_unique_delimiters()
    {
        string text = GitHubActionsReporter.FormatOutput(new CiOutput("released-tags", ["web=1", "api=2"]));

        string[] lines = text.TrimEnd('\n').Split('\n');
        lines.Length.ShouldBe(4);
        lines[0].ShouldStartWith("released-tags<<SLIPWAY_EOF_");
        lines[3].ShouldBe(lines[0]["released-tags<<".Length..]);
        lines[1..3].ShouldBe(["web=1", "api=2"]);
    }

    [Fact]
    public void A_table_cell_cannot_break_the_summary_table()
    {
        string markdown = RunSummaryMarkdown.Render(new CiRunReport("Slipway a|b", [new CiTargetLine("Deploy", "Failed", TimeSpan.FromSeconds(61.25), Error: "x | y\nz")], TimeSpan.FromSeconds(62), 1));

        markdown.ShouldContain("## Slipway a\\|b — failed (exit 1)");
        markdown.ShouldContain("| Deploy | ❌ Failed | 1:01.2 |");
        markdown.ShouldContain("- **Deploy**: x \\| y<br>z");
    }

    [Fact]
    public void The_environment_url_output_is_SLIPWAY_ENVIRONMENT_URL()
        => new CiOutput("environment-url", "https://staging.example.test").DotEnvKey.ShouldBe(GitLabReporter.EnvironmentUrlVariable);

    private static CiRunReport Report() => new("Slipway Validate", [new CiTargetLine("Validate", "Succeeded", TimeSpan.FromSeconds(1))], TimeSpan.FromSeconds(1), 0);

    private static DictionaryEnvironmentVariables Variables(params (string Name, string Value)[] values)
        => new(values.Select(static v => new KeyValuePair<string, string>(v.Name, v.Value)));
}
