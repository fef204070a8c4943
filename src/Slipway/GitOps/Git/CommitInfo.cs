namespace Slipway.GitOps.Git;

/// <summary>Who makes a GitOps commit and what it belongs to; the last three become commit trailers.</summary>
/// <param name="AuthorName">The commit author (e.g. the CI actor or the local git user).</param>
/// <param name="AuthorEmail">The author's email.</param>
/// <param name="Environment">Trailer <c>Slipway-Environment</c>.</param>
/// <param name="SourceCommit">Trailer <c>Slipway-Source-Commit</c>: the commit of the configuration repository deployed.</param>
/// <param name="RunId">Trailer <c>Slipway-Run</c>: the CI run id or a local run id.</param>
public sealed record CommitInfo(string AuthorName, string AuthorEmail, string Environment, string SourceCommit, string RunId)
{
    /// <summary>The full commit message: the description, a blank line, then the trailers.</summary>
    public string FormatMessage(ChangeDescription change)
    {
        string body = string.IsNullOrWhiteSpace(change.Body) ? string.Empty : change.Body.TrimEnd() + "\n\n";
        return $"{change.Subject}\n\n{body}Slipway-Environment: {Environment}\nSlipway-Source-Commit: {SourceCommit}\nSlipway-Run: {RunId}\n";
    }
}
