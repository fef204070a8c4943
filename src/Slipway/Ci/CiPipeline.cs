namespace Slipway.Ci;

/// <summary>
/// A pipeline: a GitHub workflow file (<c>.github/workflows/&lt;Id&gt;.yml</c>), and the jobs of the one <c>.gitlab-ci.yml</c>
/// that run for its trigger (a manual one is chosen by <c>SLIPWAY_PIPELINE=&lt;Id&gt;</c> in the run form).
/// </summary>
public sealed record CiPipeline(string Id, string Name, CiTrigger Trigger)
{
    public IReadOnlyList<CiInput> Inputs { get; init; } = [];

    public IReadOnlyList<CiJob> Jobs { get; init; } = [];

    /// <summary>GitHub permissions of the workflow's token (e.g. <c>pull-requests: write</c> to comment).</summary>
    /// <summary>
    /// GitLab: the id of the pipeline whose jobs this one's follow as blocking manual jobs (<c>when: manual</c>,
    /// <c>allow_failure: false</c>), e.g. production after staging; null for a pipeline of its own.
    /// </summary>
    public string? GitLabFollows { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Permissions { get; init; } = [new("contents", "read")];
}
