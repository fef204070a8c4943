namespace Slipway.Ci;

/// <summary>What starts a pipeline.</summary>
public enum CiTrigger
{
    /// <summary>A pull request (GitHub) or merge request (GitLab) to the default branch, opened or updated.</summary>
    PullRequest,

    /// <summary>A push to the default branch.</summary>
    Push,

    /// <summary>
    /// A pull request (GitHub: opened, synchronize, reopened and closed) or merge request (GitLab) to the default branch, for
    /// its review environment: <see cref="CiJob.StopsReview"/> tells the job that removes it from the one that deploys it.
    /// </summary>
    Review,

    /// <summary>A person, with inputs: <c>workflow_dispatch</c> (GitHub), a pipeline run from the web form (GitLab).</summary>
    Manual,
}
