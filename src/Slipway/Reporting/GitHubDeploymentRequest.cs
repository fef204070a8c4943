namespace Slipway.Reporting;

/// <summary>
/// What a GitHub Deployment records: the repository (<c>owner/name</c>, as GITHUB_REPOSITORY), the commit (GITHUB_SHA), the
/// environment, and the run's log (<c>$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/actions/runs/$GITHUB_RUN_ID</c>).
/// </summary>
public sealed record GitHubDeploymentRequest(string Owner, string Name, string Sha, string Environment)
{
    public string? Description { get; init; }

    public string? LogUrl { get; init; }

    /// <summary>The request for the run GitHub Actions describes in <paramref name="environment"/>'s variables, or null when one is missing.</summary>
    public static GitHubDeploymentRequest? FromActions(Hosting.IEnvironmentVariables environment, string slipwayEnvironment)
    {
        string? repository = environment.Get("GITHUB_REPOSITORY");
        string? sha = environment.Get("GITHUB_SHA");
        if (repository?.Split('/') is not [{ Length: > 0 } owner, { Length: > 0 } name] || string.IsNullOrEmpty(sha))
        {
            return null;
        }

        string server = environment.Get("GITHUB_SERVER_URL") is { Length: > 0 } url ? url.TrimEnd('/') : "https://github.com";
        string? run = environment.Get("GITHUB_RUN_ID");
        return new GitHubDeploymentRequest(owner, name, sha, slipwayEnvironment)
        {
            Description = $"Slipway deploy of {slipwayEnvironment}",
            LogUrl = string.IsNullOrEmpty(run) ? null : $"{server}/{repository}/actions/runs/{run}",
        };
    }
}
