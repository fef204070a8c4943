namespace Slipway.Ci;

/// <summary>
/// Splits a matrix job over more values than a platform allows in one matrix into jobs of at most that many:
/// <c>deploy-site</c> over 300 sites is <c>deploy-site-1</c> (256) and <c>deploy-site-2</c> (44) on GitHub.
/// </summary>
public static class MatrixSplitter
{
    /// <summary>"A matrix will generate a maximum of 256 jobs per workflow run" (GitHub workflow syntax).</summary>
    public const int GitHubLimit = 256;

    /// <summary>GitLab's limit of jobs one <c>parallel:matrix</c> generates.</summary>
    public const int GitLabLimit = 200;

    public static IReadOnlyList<CiJob> Split(CiJob job, int limit)
    {
        if (job.Matrix is not { FromJob: null } matrix || matrix.Values.Count <= limit)
        {
            return [job];
        }

        return [.. matrix.Values.Chunk(limit).Select((values, i) => job with
        {
            Id = $"{job.Id}-{i + 1}",
            Name = $"{job.Name} {i + 1}/{(matrix.Values.Count + limit - 1) / limit}",
            Matrix = matrix with { Values = values },
        })];
    }

    /// <summary>The jobs of <paramref name="pipeline"/> split at <paramref name="limit"/>, with each <c>needs</c> of a split job pointing at all its parts.</summary>
    public static IReadOnlyList<CiJob> SplitAll(CiPipeline pipeline, int limit)
    {
        var parts = pipeline.Jobs.ToDictionary(j => j.Id, j => Split(j, limit));
        return [.. pipeline.Jobs.SelectMany(j => parts[j.Id]).Select(j => j with { Needs = [.. j.Needs.SelectMany(n => parts.TryGetValue(n, out var split) ? split.Select(s => s.Id) : [n])] })];
    }
}
