using Slipway.Hosting;

namespace Slipway.Reporting;

/// <summary>Picks the reporter for the CI system the run is in, from the variables each system sets.</summary>
public static class CiReporters
{
    /// <summary>GitHub Actions (<c>GITHUB_ACTIONS=true</c>), GitLab CI (<c>GITLAB_CI=true</c>), or null outside CI.</summary>
    public static ICiReporter? Detect(IEnvironmentVariables environment, string rootDirectory)
    {
        if (IsTrue(environment, "GITHUB_ACTIONS"))
        {
            return new GitHubActionsReporter(environment);
        }

        return IsTrue(environment, "GITLAB_CI") ? new GitLabReporter(environment, rootDirectory) : null;
    }

    private static bool IsTrue(IEnvironmentVariables environment, string name)
        => string.Equals(environment.Get(name), "true", StringComparison.OrdinalIgnoreCase);
}
