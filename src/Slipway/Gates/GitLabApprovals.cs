using System.Net;
using System.Text.Json;

namespace Slipway.Gates;

/// <summary>
/// Approvals on GitLab through its REST API: the merged merge request into the deployed branch that brought the commit
/// (<c>repository/commits/{sha}/merge_requests</c>) and its approvals (<c>merge_requests/{iid}/approvals</c>, <c>approved_by</c>).
/// </summary>
public sealed class GitLabApprovals
{
    private readonly HttpClient _http;
    private readonly Uri _api;
    private readonly string _project;
    private readonly string _token;

    /// <param name="api">CI_API_V4_URL, e.g. https://gitlab.example.com/api/v4.</param>
    /// <param name="project">CI_PROJECT_ID.</param>
    public GitLabApprovals(HttpClient http, Uri api, string project, string token)
    {
        _http = http;
        _api = api.AbsoluteUri.EndsWith('/') ? api : new Uri(api.AbsoluteUri + "/");
        _project = Uri.EscapeDataString(project);
        _token = token;
    }

    public async Task<ApprovalEvidence> ReadAsync(string sha, string branch, CancellationToken cancellationToken)
    {
        using JsonDocument requests = await GetAsync($"projects/{_project}/repository/commits/{Uri.EscapeDataString(sha)}/merge_requests", cancellationToken).ConfigureAwait(false);
        JsonElement? merged = requests.RootElement.EnumerateArray()
            .Where(mr => Text(mr, "state") == "merged" && Text(mr, "target_branch") == branch)
            .OrderByDescending(mr => Text(mr, "merge_commit_sha") == sha || Text(mr, "squash_commit_sha") == sha)
            .Select(static mr => (JsonElement?)mr)
            .FirstOrDefault();
        if (merged is not { } request)
        {
            return new ApprovalEvidence("GitLab", $"commit {sha[..Math.Min(7, sha.Length)]}", null, [])
            {
                NotCounted = [$"no merged merge request into {branch} brought commit {sha[..Math.Min(7, sha.Length)]}"],
            };
        }

        long iid = request.GetProperty("iid").GetInt64();
        string? author = request.TryGetProperty("author", out JsonElement a) ? Text(a, "username") : null;
        using JsonDocument approvals = await GetAsync($"projects/{_project}/merge_requests/{iid}/approvals", cancellationToken).ConfigureAwait(false);
        Approval[] approvedBy = approvals.RootElement.TryGetProperty("approved_by", out JsonElement list)
            ? list.EnumerateArray().Select(e => Text(e.GetProperty("user"), "username")).OfType<string>().Select(u => new Approval(u, $"approval of !{iid}")).ToArray()
            : [];
        return new ApprovalEvidence("GitLab", $"merge request !{iid}", author, approvedBy);
    }

    private async Task<JsonDocument> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_api, path));
        request.Headers.Add("PRIVATE-TOKEN", _token);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw SlipwayException.Failed($"Cannot reach the GitLab API at {_api} ({e.Message}): the approvals gate cannot be checked, nothing was written.", e);
        }

        using (response)
        {
            string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                string why = response.StatusCode switch
                {
                    HttpStatusCode.TooManyRequests => "rate limited: run again later",
                    HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => "the token was refused: give GITLAB_TOKEN the read_api scope",
                    _ => body.Length > 200 ? body[..200] : body,
                };
                throw SlipwayException.Failed($"GitLab API {(int)response.StatusCode} for {path}: {why}. The approvals gate cannot be checked, nothing was written.");
            }

            try
            {
                return JsonDocument.Parse(body);
            }
            catch (JsonException e)
            {
                throw SlipwayException.Failed($"GitLab API answered {path} with something that is not JSON ({e.Message}): the approvals gate cannot be checked.", e);
            }
        }
    }

    private static string? Text(JsonElement element, string property)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
