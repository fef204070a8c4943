using Octokit;

namespace Slipway.Gates;

/// <summary>
/// Approvals on GitHub through Octokit: the merged pull request into the deployed branch that brought the commit
/// (<c>commits/{sha}/pulls</c>), the latest review per reviewer (<c>PullRequest.Review.GetAll</c>) that must be APPROVED on the
/// pull request's last commit, and the approvals of the run's environment (<c>actions/runs/{id}/approvals</c>).
/// </summary>
public sealed class GitHubApprovals
{
    private readonly IGitHubClient _client;
    private readonly string _owner;
    private readonly string _name;

    public GitHubApprovals(IGitHubClient client, string repository)
    {
        _client = client;
        string[] parts = repository.Split('/');
        if (parts.Length != 2 || parts.Any(static p => p.Length == 0))
        {
            throw SlipwayException.Input($"GITHUB_REPOSITORY '{repository}' is not owner/name.");
        }

        (_owner, _name) = (parts[0], parts[1]);
    }

    /// <summary>A client for <paramref name="apiUrl"/> (GITHUB_API_URL; Octokit adds /api/v3/ for a host other than api.github.com) with <paramref name="token"/>.</summary>
    public static IGitHubClient Client(Uri apiUrl, string token)
        => new GitHubClient(new ProductHeaderValue("slipway"), apiUrl) { Credentials = new Credentials(token) };

    public async Task<ApprovalEvidence> ReadAsync(GitHubApprovalQuery query, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadCoreAsync(query, cancellationToken).ConfigureAwait(false);
        }
        catch (RateLimitExceededException e)
        {
            throw SlipwayException.Failed($"GitHub's rate limit is exhausted until {e.Reset:u} ({e.Message}): the approvals gate cannot be checked, nothing was written. Run again after the reset.", e);
        }
        catch (AuthorizationException e)
        {
            throw SlipwayException.Failed($"GitHub refused the token ({(int)e.StatusCode} {e.Message}): the approvals gate cannot be checked. Give the job 'pull-requests: read' and 'actions: read' and pass GITHUB_TOKEN.", e);
        }
        catch (ApiException e)
        {
            throw SlipwayException.Failed($"GitHub API error {(int)e.StatusCode} while reading the approvals of {_owner}/{_name}@{Short(query.Sha)}: {e.Message}. Nothing was written.", e);
        }
        catch (HttpRequestException e)
        {
            throw SlipwayException.Failed($"Cannot reach the GitHub API ({e.Message}): the approvals gate cannot be checked, nothing was written.", e);
        }
    }

    private async Task<ApprovalEvidence> ReadCoreAsync(GitHubApprovalQuery query, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<CommitPullRequest> pulls = await _client.Repository.Commit.PullRequests(_owner, _name, query.Sha).ConfigureAwait(false);
        CommitPullRequest? pull = pulls
            .Where(p => p.MergedAt is not null && p.Base?.Ref == query.Branch)
            .OrderByDescending(p => p.MergeCommitSha == query.Sha)
            .FirstOrDefault();
        var approvals = new List<Approval>();
        var notCounted = new List<string>();
        string subject = $"commit {Short(query.Sha)}";
        string? author = null;
        if (pull is null)
        {
            notCounted.Add($"no merged pull request into {query.Branch} brought commit {Short(query.Sha)}");
        }
        else
        {
            subject = $"pull request #{pull.Number}";
            author = pull.User?.Login;
            IReadOnlyList<PullRequestReview> reviews = await _client.PullRequest.Review.GetAll(_owner, _name, pull.Number).ConfigureAwait(false);
            foreach (PullRequestReview latest in LatestPerReviewer(reviews))
            {
                string who = latest.User.Login;
                switch (latest.State.StringValue.ToUpperInvariant())
                {
                    case "APPROVED" when latest.CommitId == pull.Head.Sha:
                        approvals.Add(new Approval(who, $"review of #{pull.Number}"));
                        break;
                    case "APPROVED":
                        notCounted.Add($"{who} approved an older commit {Short(latest.CommitId)}, not the last one {Short(pull.Head.Sha)}");
                        break;
                    case "CHANGES_REQUESTED":
                        notCounted.Add($"{who} requested changes");
                        break;
                    default:
                        notCounted.Add($"{who}'s review is {latest.State.StringValue.ToLowerInvariant()}");
                        break;
                }
            }
        }

        if (query.RunId is { } run && query.Environment is { } environment)
        {
            approvals.AddRange(await EnvironmentApprovalsAsync(run, environment).ConfigureAwait(false));
        }

        return new ApprovalEvidence("GitHub", subject, author, approvals) { NotCounted = notCounted };
    }

    /// <summary>Each reviewer's latest review that states a verdict (comments and pending reviews change nothing).</summary>
    private static IEnumerable<PullRequestReview> LatestPerReviewer(IEnumerable<PullRequestReview> reviews)
        => reviews
            .Where(static r => r.User?.Login is not null && r.State.StringValue.ToUpperInvariant() is not "COMMENTED" and not "PENDING")
            .GroupBy(static r => r.User.Login, StringComparer.OrdinalIgnoreCase)
            .Select(static g => g.OrderBy(static r => r.SubmittedAt).Last());

    private async Task<IEnumerable<Approval>> EnvironmentApprovalsAsync(long run, string environment)
    {
        var uri = new Uri($"repos/{_owner}/{_name}/actions/runs/{run}/approvals", UriKind.Relative);
        IResponse response = (await _client.Connection.Get<object>(uri, null).ConfigureAwait(false)).HttpResponse;
        using var json = System.Text.Json.JsonDocument.Parse(response.Body as string ?? "[]");
        var result = new List<Approval>();
        foreach (System.Text.Json.JsonElement item in json.RootElement.EnumerateArray())
        {
            bool approved = item.TryGetProperty("state", out var state) && state.GetString() == "approved";
            bool ours = item.TryGetProperty("environments", out var environments)
                && environments.EnumerateArray().Any(e => string.Equals(e.GetProperty("name").GetString(), environment, StringComparison.OrdinalIgnoreCase));
            if (approved && ours && item.GetProperty("user").GetProperty("login").GetString() is { } login)
            {
                result.Add(new Approval(login, $"GitHub environment '{environment}' approval of run {run}"));
            }
        }

        return result;
    }

    private static string Short(string? sha) => sha is null ? "?" : sha[..Math.Min(7, sha.Length)];
}
