using Slipway.Targets;

namespace Slipway.Tests.EndToEnd;

/// <summary><c>./build.sh Validate</c> in a clone as GitHub Actions runs it: the run summary reaches GITHUB_STEP_SUMMARY.</summary>
public sealed class CiReportEndToEndTests : IClassFixture<BuildScriptClone>
{
    private readonly BuildScriptClone _clone;

    public CiReportEndToEndTests(BuildScriptClone clone)
    {
        _clone = clone;
    }

    [Fact]
    public async Task Validate_on_GitHub_Actions_appends_the_run_summary_to_the_step_summary_file()
    {
        string summary = Path.Combine(Path.GetDirectoryName(_clone.Root)!, "step-summary.md");
        await File.WriteAllTextAsync(summary, "from an earlier step\n", TestContext.Current.CancellationToken);

        BuildRun run = await _clone.RunAsync("Validate --env staging", new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary });

        run.ExitCode.ShouldBe(ExitCodes.Success, run.ToString());
        run.Output.ShouldContain("::group::Validate");
        run.Output.ShouldContain($"Reported the run to GitHub Actions: {summary}");
        string text = await File.ReadAllTextAsync(summary, TestContext.Current.CancellationToken);
        text.ShouldStartWith("from an earlier step\n## Slipway Validate --env staging — succeeded\n");
        text.ShouldMatch(@"\| Validate \| ✅ Succeeded \| \d+:\d\d\.\d \|");
    }
}
