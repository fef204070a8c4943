using Slipway.Hosting;

namespace Slipway.Gates;

/// <summary>
/// Picks where approvals come from by the CI variables: GitHub Actions (<c>GITHUB_ACTIONS</c>: GITHUB_API_URL, GITHUB_REPOSITORY,
/// GITHUB_SHA, GITHUB_RUN_ID and a token), GitLab CI (<c>GITLAB_CI</c>: CI_API_V4_URL, CI_PROJECT_ID, CI_COMMIT_SHA and a token),
/// or none (a local run: null). A CI run without a token is bad input, never a passed gate.
/// </summary>
public sealed record ApprovalSources(IEnvironmentVariables Variables, HttpClient Http)
{
    /// <summary><c>--github-token</c>, else <c>GITHUB_TOKEN</c>.</summary>
    public string? GitHubToken { get; init; }

    /// <summary><c>--gitlab-token</c>, else <c>GITLAB_TOKEN</c>.</summary>
    public string? GitLabToken { get; init; }

    public async Task<ApprovalEvidence?> ReadAsync(string environment, string branch, CancellationToken cancellationToken)
    {
        if (Variables.Get("GITHUB_ACTIONS") == "true")
        {
            string token = GitHubToken ?? Variables.Get("GITHUB_TOKEN")
                ?? throw SlipwayException.Input($"The approvals gate of {environment} reads the pull request's reviews, and no token was given: add 'env: GITHUB_TOKEN: ${{{{ secrets.GITHUB_TOKEN }}}}' to the step (with permissions pull-requests: read, actions: read), or --github-token.");
            var api = new Uri(Variables.Get("GITHUB_API_URL") ?? "https://api.github.com");
            var github = new GitHubApprovals(GitHubApprovals.Client(api, token), Required("GITHUB_REPOSITORY"));
            long? run = long.TryParse(Variables.Get("GITHUB_RUN_ID"), out long id) ? id : null;
            return await github.ReadAsync(new GitHubApprovalQuery(Required("GITHUB_SHA"), branch, run, environment), cancellationToken).ConfigureAwait(false);
        }

        if (Variables.Get("GITLAB_CI") == "true")
        {
            string token = GitLabToken ?? Variables.Get("GITLAB_TOKEN")
                ?? throw SlipwayException.Input($"The approvals gate of {environment} reads the merge request's approvals, and no token was given: set the CI/CD variable GITLAB_TOKEN (a project access token with read_api), or --gitlab-token.");
            var gitlab = new GitLabApprovals(Http, new Uri(Required("CI_API_V4_URL")), Required("CI_PROJECT_ID"), token);
            return await gitlab.ReadAsync(Required("CI_COMMIT_SHA"), branch, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    private string Required(string name)
        => Variables.Get(name) is { Length: > 0 } value ? value : throw SlipwayException.Input($"The CI variable {name} is not set: the approvals gate cannot tell which change to read approvals for.");
}
