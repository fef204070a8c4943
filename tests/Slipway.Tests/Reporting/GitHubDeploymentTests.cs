using Slipway.Gates;
using Slipway.Hosting;
using Slipway.Reporting;
using Slipway.Tests.Gates;

namespace Slipway.Tests.Reporting;

/// <summary>A GitHub Deployment and its statuses, through Octokit against an in-process GitHub API on 127.0.0.1.</summary>
public sealed class GitHubDeploymentTests
{
    private const string Sha = "4f1c2a9e8b7d6c5b4a39281706f5e4d3c2b1a098";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_deploy_is_in_progress_then_successful_with_the_environment_url()
    {
        await using FakeCiApi github = await FakeCiApi.StartAsync();
        GitHubDeploymentRequest request = GitHubDeploymentRequest.FromActions(Variables(), "staging")!;

        GitHubDeployment deployment = await GitHubDeployment.StartAsync(GitHubApprovals.Client(github.BaseAddress, "ghs_deploy"), request, Ct);
        await deployment.FinishAsync(succeeded: true, "https://staging.example.test/", Ct);

        deployment.Id.ShouldBe(101);
        github.Deployments.ShouldHaveSingleItem();
        github.Deployments[0]["ref"]!.GetValue<string>().ShouldBe(Sha);
        github.Deployments[0]["environment"]!.GetValue<string>().ShouldBe("staging");
        github.Deployments[0]["auto_merge"]!.GetValue<bool>().ShouldBeFalse();
        github.Deployments[0]["required_contexts"]!.AsArray().ShouldBeEmpty();
        github.DeploymentStatuses.Select(static s => (s.Deployment, s.Body["state"]!.GetValue<string>())).ShouldBe([(101, "in_progress"), (101, "success")]);
        github.DeploymentStatuses[1].Body["environment_url"]!.GetValue<string>().ShouldBe("https://staging.example.test/");
        github.DeploymentStatuses[0].Body["log_url"]!.GetValue<string>().ShouldBe("https://github.example.test/acme/web/actions/runs/4242");
        github.Authorizations.ShouldAllBe(static a => a == "Token ghs_deploy");
    }

    [Fact]
    public async Task A_failed_deploy_is_marked_failure()
    {
        await using FakeCiApi github = await FakeCiApi.StartAsync();

        GitHubDeployment deployment = await GitHubDeployment.StartAsync(GitHubApprovals.Client(github.BaseAddress, "ghs_deploy"), GitHubDeploymentRequest.FromActions(Variables(), "production")!, Ct);
        await deployment.FinishAsync(succeeded: false, environmentUrl: null, Ct);

        github.DeploymentStatuses.Select(static s => s.Body["state"]!.GetValue<string>()).ShouldBe(["in_progress", "failure"]);
    }

    [Fact]
    public async Task A_token_without_the_permission_is_a_clear_error_naming_it()
    {
        await using FakeCiApi github = await FakeCiApi.StartAsync();
        github.FailWith = 403;

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => GitHubDeployment.StartAsync(GitHubApprovals.Client(github.BaseAddress, "ghs_deploy"), GitHubDeploymentRequest.FromActions(Variables(), "staging")!, Ct));

        error.Message.ShouldContain("acme/web");
        error.Message.ShouldContain("403");
    }

    [Fact]
    public void Without_the_repository_or_the_commit_there_is_no_request()
    {
        GitHubDeploymentRequest.FromActions(new DictionaryEnvironmentVariables([new("GITHUB_SHA", Sha)]), "staging").ShouldBeNull();
        GitHubDeploymentRequest.FromActions(new DictionaryEnvironmentVariables([new("GITHUB_REPOSITORY", "acme/web")]), "staging").ShouldBeNull();
    }

    private static DictionaryEnvironmentVariables Variables() => new(
    [
        new("GITHUB_REPOSITORY", "acme/web"),
        new("GITHUB_SHA", Sha),
        new("GITHUB_SERVER_URL", "https://github.example.test"),
        new("GITHUB_RUN_ID", "4242"),
    ]);
}
