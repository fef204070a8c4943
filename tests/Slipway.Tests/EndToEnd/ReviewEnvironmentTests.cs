using Slipway.Processes;
using Slipway.Targets;

namespace Slipway.Tests.EndToEnd;

/// <summary>
/// Review environments through the real <c>./build.sh</c> on a clone checked out on <c>feature/Login_Page</c>: DeployReview
/// deploys <c>review-feature-login-page</c> (its own local cluster, GitOps folder and Terraform workspace, with real git and
/// terraform) and DestroyReview leaves nothing of it, twice over for the same branch; a second DestroyReview and one on a
/// half-gone environment succeed, saying what was already gone; a non-review environment is never touched. In order, on one clone.
/// </summary>
[TestMethodOrderer(typeof(ScenarioOrderer))]
public sealed class ReviewEnvironmentTests : IClassFixture<BuildScriptClone>
{
    private const string Branch = "feature/Login_Page";
    private const string Review = "review-feature-login-page";

    /// <summary>The branch is the clone's HEAD, whatever CI runs these tests.</summary>
    private static readonly Dictionary<string, string?> s_noCiBranch = new(StringComparer.Ordinal)
    {
        ["GITHUB_HEAD_REF"] = null,
        ["CI_MERGE_REQUEST_SOURCE_BRANCH_NAME"] = null,
        ["CI_COMMIT_REF_NAME"] = null,
    };

    private readonly BuildScriptClone _clone;
    private readonly ProcessRunner _processes = new();

    public ReviewEnvironmentTests(BuildScriptClone clone)
    {
        _clone = clone;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string StateDirectory => Path.Combine(new SlipwayPaths(_clone.Root).LocalCluster, Review);

    [Fact]
    [ScenarioOrder(1)]
    public async Task DeployReview_then_DestroyReview_twice_for_the_same_branch_leaves_nothing_behind()
    {
        await _clone.GitAsync(_clone.Root, "checkout", "-q", "-b", Branch);

        for (int round = 1; round <= 2; round++)
        {
            BuildRun deploy = await RunAsync("DeployReview");

            deploy.ExitCode.ShouldBe(ExitCodes.Success, $"round {round}: {deploy}");
            deploy.Output.ShouldContain($"Branch {Branch} (from local HEAD): review environment {Review}.");
            deploy.Output.ShouldContain($"{Review} is live: ");
            (await RemoteFilesAsync()).ShouldContain($"clusters/{Review}/apps/web/helm-release.yaml");
            (await WorkspacesAsync()).ShouldContain(Review);
            Directory.Exists(StateDirectory).ShouldBeTrue();
            Directory.Exists(Path.Combine(_clone.Root, "environments", Review)).ShouldBeFalse("a review environment is made in memory, never in environments/");
            (await _clone.GitAsync(_clone.Root, "status", "--porcelain")).ShouldBeEmpty("DeployReview leaves the work tree clean");

            BuildRun destroy = await RunAsync("DestroyReview");

            destroy.ExitCode.ShouldBe(ExitCodes.Success, $"round {round}: {destroy}");
            destroy.Output.ShouldContain($"Local cluster {Review}: removed");
            destroy.Output.ShouldContain($"removed clusters/{Review}, releases/{Review}.yaml in commit");
            destroy.Output.ShouldContain($"Terraform workspace {Review} (infra/platform): destroyed and deleted.");
            destroy.Output.ShouldContain($"Review environment {Review} is gone.");
            await AssertNothingLeftAsync();
        }

        BuildRun again = await RunAsync("DestroyReview");

        again.ExitCode.ShouldBe(ExitCodes.Success, again.ToString());
        again.Output.ShouldContain($"Local cluster {Review}: already gone.");
        again.Output.ShouldContain($"clusters/{Review} already gone.");
        again.Output.ShouldContain($"Terraform workspace {Review} (infra/platform): already gone.");
        await AssertNothingLeftAsync();
    }

    [Fact]
    [ScenarioOrder(2)]
    public async Task DestroyReview_of_a_half_gone_environment_removes_what_is_left()
    {
        BuildRun deploy = await RunAsync($"DeployReview --branch {Branch}");
        deploy.ExitCode.ShouldBe(ExitCodes.Success, deploy.ToString());
        await RemoveGitOpsFolderByHandAsync();
        (await WorkspacesAsync()).ShouldContain(Review, "the workspace is still there");

        BuildRun destroy = await RunAsync($"DestroyReview --env {Review}");

        destroy.ExitCode.ShouldBe(ExitCodes.Success, destroy.ToString());
        destroy.Output.ShouldContain($"removed releases/{Review}.yaml in commit");
        destroy.Output.ShouldContain($"; clusters/{Review} was already gone.");
        destroy.Output.ShouldContain($"Local cluster {Review}: removed");
        destroy.Output.ShouldContain($"Terraform workspace {Review} (infra/platform): destroyed and deleted.");
        await AssertNothingLeftAsync();
    }

    [Theory]
    [ScenarioOrder(3)]
    [InlineData("DestroyReview --env staging", "--env staging: only a review environment (named review-…, made by DeployReview) can be destroyed; 'staging' is not one, so nothing was touched.")]
    [InlineData("DeployReview --branch ///", "The branch '///' has no letter or digit (a-z, 0-9) to name a review environment after: pass one with --branch NAME (e.g. --branch feature-42).")]
    public async Task Bad_input_exits_2_before_anything_is_touched(string arguments, string message)
    {
        BuildRun run = await RunAsync(arguments);

        run.ExitCode.ShouldBe(ExitCodes.BadInput, run.ToString());
        run.Output.ShouldContain(message);
        Directory.Exists(new SlipwayPaths(_clone.Root).Environment("staging")).ShouldBeFalse("staging was never touched");
    }

    private Task<BuildRun> RunAsync(string arguments) => _clone.RunAsync(arguments, s_noCiBranch);

    private async Task AssertNothingLeftAsync()
    {
        (await RemoteFilesAsync()).ShouldNotContain(path => path.Contains(Review, StringComparison.Ordinal), "the GitOps remote's main branch keeps nothing of the review environment");
        (await WorkspacesAsync()).ShouldNotContain(Review);
        Directory.Exists(StateDirectory).ShouldBeFalse("the local cluster's state (every object in it) is gone");
        string kubeconfig = Path.Combine(new SlipwayPaths(_clone.Root).LocalCluster, "kubeconfig");
        (File.Exists(kubeconfig) ? await File.ReadAllTextAsync(kubeconfig, Ct) : string.Empty).ShouldNotContain($"slipway-{Review}");
        Directory.Exists(new SlipwayPaths(_clone.Root).Environment(Review)).ShouldBeFalse("no .nuke/temp files are left");
    }

    /// <summary>Every file of the GitOps remote's main branch.</summary>
    private async Task<string[]> RemoteFilesAsync()
        => (await _clone.GitAsync(_clone.Root, "--git-dir", _clone.GitOpsRemote, "ls-tree", "-r", "--name-only", "main")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The workspaces of the clone's stack, as <c>terraform workspace list</c> prints them.</summary>
    private async Task<string[]> WorkspacesAsync()
    {
        ProcessResult result = await _processes.RunAsync(
            new ProcessRequest("terraform", ["workspace", "list", "-no-color"])
            {
                WorkingDirectory = Path.Combine(_clone.Root, "infra", "platform"),
                EnvironmentVariables = new Dictionary<string, string?> { ["TF_WORKSPACE"] = null, ["TF_IN_AUTOMATION"] = "1" },
                Timeout = TimeSpan.FromMinutes(1),
            },
            Ct);
        return [.. result.StandardOutput.Split('\n').Select(static line => line.TrimStart('*').Trim()).Where(static name => name.Length > 0)];
    }

    /// <summary>Another person removes the review environment's GitOps folder (a commit pushed to the remote), leaving the rest.</summary>
    private async Task RemoveGitOpsFolderByHandAsync()
    {
        string work = Path.Combine(Path.GetDirectoryName(_clone.Root)!, "by-hand");
        await _clone.GitAsync(_clone.Root, "clone", "-q", _clone.GitOpsRemote, work);
        await _clone.GitAsync(work, "rm", "-rq", $"clusters/{Review}");
        await _clone.GitAsync(work, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "remove the review folder by hand");
        await _clone.GitAsync(work, "push", "-q", "origin", "HEAD:main");
        Directory.Delete(work, recursive: true);
    }
}
