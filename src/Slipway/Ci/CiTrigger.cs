namespace Slipway.Ci;

/// <summary>What starts a pipeline.</summary>
public enum CiTrigger
{
    /// <summary>A pull request (GitHub) or merge request (GitLab) to the default branch, opened or updated.</summary>
    PullRequest,

    /// <summary>A push to the default branch.</summary>
    Push,

    /// <summary>A person, with inputs: <c>workflow_dispatch</c> (GitHub), a pipeline run from the web form (GitLab).</summary>
    Manual,
}
