namespace Slipway.Ci;

/// <summary>
/// One job: the <c>./build.sh</c> line a person would type (<see cref="Targets"/> and fixed <see cref="Arguments"/>),
/// the targets that line runs (<see cref="Plan"/>, from the build's target graph) and the environment variables
/// (<c>SLIPWAY_…</c>) that give its parameters.
/// </summary>
public sealed record CiJob(string Id, string Name, IReadOnlyList<string> Targets)
{
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The targets <c>./build.sh Targets</c> runs, in order (shown as the step's name, so a changed dependency changes the file).</summary>
    public IReadOnlyList<string> Plan { get; init; } = [];

    /// <summary>Environment variable → where its value comes from, in the order written.</summary>
    public IReadOnlyList<KeyValuePair<string, CiValue>> Variables { get; init; } = [];

    /// <summary>The deployment environment the job acts on (GitHub <c>environment</c>, GitLab <c>environment.name</c>); may hold an expression of a matrix or input.</summary>
    public CiValue? Environment { get; init; }

    /// <summary>
    /// The environment whose deploys must never overlap: jobs with the same value, in any pipeline, share the group
    /// <c>deploy-&lt;value&gt;</c> (GitHub <c>concurrency</c>, GitLab <c>resource_group</c>).
    /// </summary>
    public CiValue? ConcurrencyGroup { get; init; }

    /// <summary>GitLab: a blocking manual job (<c>when: manual</c>, <c>allow_failure: false</c>); GitHub protects it with <see cref="Environment"/>'s rules.</summary>
    public bool Manual { get; init; }

    public IReadOnlyList<string> Needs { get; init; } = [];

    public CiMatrix? Matrix { get; init; }

    /// <summary>The job writes <c>environments=[…]</c> to its outputs (ChangedEnvironments).</summary>
    public bool OutputsEnvironments { get; init; }

    /// <summary>The job records its result per matrix value under <see cref="CiFiles.ResultsFolder"/> for a summary job.</summary>
    public bool RecordsResult { get; init; }

    /// <summary>Runs whatever the jobs it needs did (the summary job).</summary>
    public bool Always { get; init; }

    /// <summary>
    /// The job removes the review environment (<see cref="CiTrigger.Review"/>): on GitHub it runs when the pull request is
    /// closed, on GitLab it is the <c>on_stop</c> job of the deploy's environment (<c>action: stop</c>), run by GitLab when the
    /// merge request is merged or closed, or by hand.
    /// </summary>
    public bool StopsReview { get; init; }

    /// <summary>GitLab: the id of the job that stops this job's environment (<c>environment: on_stop</c>).</summary>
    public string? StopJob { get; init; }

    /// <summary>The job runs with the whole Git history (it diffs against the base commit).</summary>
    public bool FullHistory { get; init; }

    /// <summary>The line a person would type: <c>./build.sh Validate PlanInfra --yes</c>.</summary>
    public string Command => string.Join(' ', ["./build.sh", .. Targets, .. Arguments]);
}
