using Slipway.Hosting;

namespace Slipway.Gates;

/// <summary>
/// The branch a review environment is for: <c>--branch</c>, else the source branch of the pull request
/// (<c>GITHUB_HEAD_REF</c>) or merge request (<c>CI_MERGE_REQUEST_SOURCE_BRANCH_NAME</c>), else the branch of the run as
/// <see cref="BranchReader"/> reads it (<c>GITHUB_REF_NAME</c>, <c>CI_COMMIT_BRANCH</c>, the local HEAD), else GitLab's
/// <c>CI_COMMIT_REF_NAME</c>. On a pull request <c>GITHUB_REF_NAME</c> is <c>&lt;number&gt;/merge</c>, hence the head ref first.
/// </summary>
public static class ReviewBranchReader
{
    /// <summary>The branch and where it came from.</summary>
    /// <exception cref="SlipwayException">Bad input (exit 2): no source names a branch (a detached HEAD outside CI).</exception>
    public static (string Branch, string Source) Read(string? explicitBranch, IEnvironmentVariables variables, string rootDirectory)
    {
        if (!string.IsNullOrWhiteSpace(explicitBranch))
        {
            return (explicitBranch, "--branch");
        }

        foreach (string variable in (string[])["GITHUB_HEAD_REF", "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME"])
        {
            if (variables.Get(variable) is { Length: > 0 } value)
            {
                return (value, variable);
            }
        }

        BranchEvidence run = BranchReader.Read(variables, rootDirectory);
        if (run.Name is { Length: > 0 } branch)
        {
            return (branch, run.Source);
        }

        return variables.Get("CI_COMMIT_REF_NAME") is { Length: > 0 } gitlab
            ? (gitlab, "CI_COMMIT_REF_NAME")
            : throw SlipwayException.Input($"No branch to name the review environment after ({run.Source}): pass --branch NAME, or check out a branch.");
    }
}
