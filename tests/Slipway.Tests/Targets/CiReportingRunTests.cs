using Slipway.Reporting;
using Slipway.Targets;
using Slipway.Targets.Output;

namespace Slipway.Tests.Targets;

/// <summary>
/// A simulated GitHub Actions run and GitLab job: the variables each system sets, its files in a temp folder, and what the
/// run writes there and on the console (step summary, outputs, annotations, masks; sections and slipway.env).
/// </summary>
public sealed class CiReportingRunTests : IDisposable
{
    private const string Secret = "s3cr3t-value";
    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task A_GitHub_Actions_run_writes_the_summary_the_outputs_an_annotation_and_masks_the_secret_once()
    {
        string summary = Path.Combine(_harness.Root, "step_summary.md");
        string outputs = Path.Combine(_harness.Root, "github_output");
        File.WriteAllText(summary, "earlier step\n");
        _harness.Environment["GITHUB_ACTIONS"] = "true";
        _harness.Environment["GITHUB_STEP_SUMMARY"] = summary;
        _harness.Environment["GITHUB_OUTPUT"] = outputs;

        BuildRun<CiReportingBuild> run = await _harness.RunAsync<CiReportingBuild>("Notify", "--token", Secret);

        run.ExitCode.ShouldBe(ExitCodes.TargetFailed, run.All);
        string[] lines = run.All.Split('\n').Select(static l => l.TrimEnd('\r')).ToArray();
        lines.Count(static l => l == $"::add-mask::{Secret}").ShouldBe(1, run.All);
        lines.Count(static l => l.Contains(Secret, StringComparison.Ordinal)).ShouldBe(1, "only the mask command carries the secret");
        run.Error.ShouldContain("::error title=Deploy failed::deploy failed: 100%25 broken%0D%0Asecond line, token ***\n");
        run.Output.ShouldContain("::group::Restore\n");

        string text = File.ReadAllText(summary);
        text.ShouldStartWith("earlier step\n## Slipway Notify — failed (exit 1)\n");
        text.ShouldContain("| Restore | ✅ Succeeded | 0:");
        text.ShouldContain("| Deploy | ❌ Failed | 0:");
        text.ShouldContain("| Notify | ⏭️ NotRun (Deploy did not succeed) |  |");
        text.ShouldContain("- **Deploy**: deploy failed: 100% broken<br>second line, token ***");
        text.ShouldContain("### Verification of staging\n\n3/3 ready\n");
        text.ShouldContain("| `released-tags` | web=1.2.3<br>api=2.0.0 |");
        text.ShouldNotContain(Secret);

        Dictionary<string, string> written = ParseOutputs(File.ReadAllText(outputs));
        written["released-tags"].ShouldBe("web=1.2.3\napi=2.0.0");
        written["gitops-commit"].ShouldBe("0123abc");
        run.Build.Outcome!.Targets.Select(static t => (t.Name, t.Status)).ShouldBe([("Restore", TargetStatus.Succeeded), ("Deploy", TargetStatus.Failed), ("Notify", TargetStatus.NotRun)]);
    }

    [Fact]
    public async Task A_GitLab_job_folds_each_target_in_a_collapsed_section_and_writes_slipway_env()
    {
        string project = Path.Combine(_harness.Root, "project");
        Directory.CreateDirectory(project);
        _harness.Environment["GITLAB_CI"] = "true";
        _harness.Environment["CI_PROJECT_DIR"] = project;

        BuildRun<CiReportingBuild> run = await _harness.RunAsync<CiReportingBuild>("Notify", "--token", Secret);

        run.ExitCode.ShouldBe(ExitCodes.TargetFailed, run.All);
        run.Output.ShouldMatch(@"\u001b\[0Ksection_start:\d+:slipway_restore\[collapsed=true\]\r\u001b\[0KRestore\n");
        run.Output.ShouldMatch(@"\u001b\[0Ksection_end:\d+:slipway_restore\r\u001b\[0K\n");
        run.Error.ShouldContain("error: deploy failed: 100% broken");
        run.All.ShouldNotContain("::add-mask::");
        run.All.ShouldNotContain(Secret);
        File.ReadAllText(Path.Combine(project, GitLabReporter.DotEnvFileName)).ShouldBe("SLIPWAY_RELEASED_TAGS=web=1.2.3,api=2.0.0\nSLIPWAY_GITOPS_COMMIT=0123abc\n");
    }

    [Fact]
    public async Task Outside_CI_nothing_is_reported_and_no_mask_command_printed()
    {
        BuildRun<CiReportingBuild> run = await _harness.RunAsync<CiReportingBuild>("Notify", "--token", Secret);

        run.ExitCode.ShouldBe(ExitCodes.TargetFailed, run.All);
        run.All.ShouldNotContain("::");
        run.Build.Outcome!.Targets[1].Error.ShouldBe("deploy failed: 100% broken\r\nsecond line, token ***");
        Directory.EnumerateFiles(_harness.Root).ShouldBeEmpty();
    }

    [Fact]
    public void A_multi_line_secret_is_masked_line_by_line_and_properties_are_escaped()
    {
        WorkflowCommands.AddMask("first-line\r\nsecond%line\n").ShouldBe(["::add-mask::first-line", "::add-mask::second%25line"]);
        WorkflowCommands.Error("Deploy: a, b", "x\ny").ShouldBe("::error title=Deploy%3A a%2C b::x%0Ay");
    }

    /// <summary>Reads GITHUB_OUTPUT as the runner does: <c>name=value</c> lines and <c>name&lt;&lt;DELIMITER</c> blocks.</summary>
    private static Dictionary<string, string> ParseOutputs(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Split("<<", 2) is [string name, string delimiter])
            {
                int end = Array.IndexOf(lines, delimiter, i + 1);
                end.ShouldBeGreaterThan(i, $"the delimiter of {name} closes its value");
                result[name] = string.Join('\n', lines[(i + 1)..end]);
                i = end;
            }
            else if (lines[i].Split('=', 2) is [string key, string value])
            {
                result[key] = value;
            }
        }

        return result;
    }
}
