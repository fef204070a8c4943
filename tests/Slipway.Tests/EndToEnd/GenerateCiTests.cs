using Slipway.Ci;

namespace Slipway.Tests.EndToEnd;

/// <summary>
/// GenerateCi and ChangedEnvironments through ./build.sh on a fresh clone: the committed CI files are current, a file
/// edited by hand and a changed target dependency are caught (exit 2 with the diff), and the touched environments of a
/// commit reach the GitHub Actions output.
/// </summary>
public sealed class GenerateCiTests : IClassFixture<BuildScriptClone>
{
    private readonly BuildScriptClone _clone;

    public GenerateCiTests(BuildScriptClone clone) => _clone = clone;

    [Fact]
    public async Task A_fresh_clone_is_current_and_a_hand_edit_or_a_changed_dependency_exits_2_with_the_diff()
    {
        BuildRun fresh = await _clone.RunAsync("GenerateCi --check");
        fresh.ExitCode.ShouldBe(0, fresh.ToString());
        fresh.Output.ShouldContain("The 9 CI files are what build/Build.CiPipelines.cs generates.");

        // the environments a commit touches, through the layers they inherit, as the pull-request job reads them
        string site = Path.Combine(_clone.Root, "environments", "site", "env.yaml");
        string baseCommit = (await _clone.GitAsync(_clone.Root, "rev-parse", "HEAD")).Trim();
        await File.AppendAllTextAsync(site, "# a comment\n", TestContext.Current.CancellationToken);
        await _clone.GitAsync(_clone.Root, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qam", "site: a comment");
        string output = Path.Combine(_clone.Root, "github-output");
        BuildRun changed = await _clone.RunAsync($"ChangedEnvironments --base {baseCommit}", new Dictionary<string, string?> { ["GITHUB_OUTPUT"] = output });
        changed.ExitCode.ShouldBe(0, changed.ToString());
        (await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken)).ShouldBe("environments=[\"site-ha\"]\n");
        BuildRun badBase = await _clone.RunAsync("ChangedEnvironments --base 0123456789abcdef0123456789abcdef01234567");
        badBase.ExitCode.ShouldBe(2, badBase.ToString());
        badBase.Output.ShouldContain("--base '0123456789abcdef0123456789abcdef01234567' is not a commit");

        string gitlab = Path.Combine(_clone.Root, CiFiles.GitLabFile);
        string committed = await File.ReadAllTextAsync(gitlab, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(gitlab, committed.Replace("- ./build.sh DeployStaging", "- ./build.sh DeployStaging --skip Verify", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        BuildRun edited = await _clone.RunAsync("GenerateCi --check");
        edited.ExitCode.ShouldBe(2, edited.ToString());
        edited.Output.ShouldContain("--- a/.gitlab-ci.yml");
        edited.Output.ShouldContain("-    - ./build.sh DeployStaging --skip Verify");
        edited.Output.ShouldContain(".gitlab-ci.yml differs from what build/Build.CiPipelines.cs generates");
        await File.WriteAllTextAsync(gitlab, committed, TestContext.Current.CancellationToken);

        string deploy = Path.Combine(_clone.Root, "build", "Build.Deploy.cs");
        string source = await File.ReadAllTextAsync(deploy, TestContext.Current.CancellationToken);
        int staging = source.IndexOf(".Sets(() => _env, \"staging\")", StringComparison.Ordinal);
        staging.ShouldBeGreaterThan(0);
        int apply = source.IndexOf("ApplyInfra, ", staging, StringComparison.Ordinal);
        await File.WriteAllTextAsync(deploy, source.Remove(apply, "ApplyInfra, ".Length), TestContext.Current.CancellationToken);
        BuildRun dependency = await _clone.RunAsync("GenerateCi --check");
        dependency.ExitCode.ShouldBe(2, dependency.ToString());
        dependency.Output.ShouldContain("--- a/.github/workflows/deploy-staging.yml");
        // the step named after DeployStaging's plan: the committed one (with ApplyInfra) goes, one without it comes
        string committedStep = (await File.ReadAllLinesAsync(Path.Combine(_clone.Root, ".github", "workflows", "deploy-staging.yml"), TestContext.Current.CancellationToken))
            .Single(line => line.StartsWith("      - name: ", StringComparison.Ordinal) && line.EndsWith("→ DeployStaging", StringComparison.Ordinal));
        committedStep.ShouldContain("→ ApplyInfra →");
        dependency.Output.ShouldContain("-" + committedStep);
        dependency.Output.Split('\n').ShouldContain(line => line.StartsWith("+      - name: ", StringComparison.Ordinal)
            && line.TrimEnd().EndsWith("→ DeployStaging", StringComparison.Ordinal) && !line.Contains("ApplyInfra", StringComparison.Ordinal));
        BuildRun validate = await _clone.RunAsync("Validate");
        validate.ExitCode.ShouldBe(2, validate.ToString());
        validate.Output.ShouldContain(".github/workflows/deploy-staging.yml differs");
    }
}
