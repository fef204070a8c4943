using Octokit;

namespace Slipway.Ci;

/// <summary>
/// The plan summary of one environment as one pull-request comment: found again by a hidden marker and updated, so a
/// pull request updated ten times still has one comment per environment.
/// </summary>
public sealed class PlanComment(IGitHubClient client)
{
    public static string Marker(string environment) => $"<!-- slipway-plan:{environment} -->";

    /// <summary>Creates or updates the comment; returns what it did ("created", "updated", "unchanged") and the comment's URL.</summary>
    public async Task<(string Outcome, string Url)> PublishAsync(PullRequestRef pullRequest, string environment, string markdown, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        string marker = Marker(environment);
        string body = $"{marker}\n{markdown.TrimEnd()}\n";
        IReadOnlyList<IssueComment> comments = await client.Issue.Comment.GetAllForIssue(pullRequest.Owner, pullRequest.Repository, pullRequest.Number).ConfigureAwait(false);
        IssueComment? existing = comments.FirstOrDefault(c => c.Body?.Contains(marker, StringComparison.Ordinal) == true);
        cancellationToken.ThrowIfCancellationRequested();
        if (existing is null)
        {
            IssueComment created = await client.Issue.Comment.Create(pullRequest.Owner, pullRequest.Repository, pullRequest.Number, body).ConfigureAwait(false);
            return ("created", created.HtmlUrl);
        }

        if (existing.Body == body)
        {
            return ("unchanged", existing.HtmlUrl);
        }

        IssueComment updated = await client.Issue.Comment.Update(pullRequest.Owner, pullRequest.Repository, existing.Id, body).ConfigureAwait(false);
        return ("updated", updated.HtmlUrl);
    }
}
