using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Slipway.Tests.Support;

namespace Slipway.Tests.Gates;

/// <summary>
/// The parts of the GitHub REST API (under /api/v3/, where Octokit puts a base address other than api.github.com) and of
/// the GitLab API v4 that the approvals gate reads, served on 127.0.0.1 from JSON the test sets. Records the auth headers.
/// </summary>
internal sealed class FakeCiApi : IAsyncDisposable
{
    private TestHttpServer? _server;

    public JsonArray Pulls { get; } = [];

    public JsonArray Reviews { get; } = [];

    public JsonArray RunApprovals { get; } = [];

    public JsonArray MergeRequests { get; } = [];

    public JsonObject MergeRequestApprovals { get; set; } = new() { ["approved_by"] = new JsonArray() };

    /// <summary>When set, every request gets this status (and for 403 GitHub's rate limit headers).</summary>
    public int? FailWith { get; set; }

    public List<string> Authorizations { get; } = [];

    /// <summary>The bodies of the deployments created (POST repos/{owner}/{repo}/deployments), in order.</summary>
    public List<JsonObject> Deployments { get; } = [];

    /// <summary>The statuses set, as (deployment id, body), in order.</summary>
    public List<(int Deployment, JsonObject Body)> DeploymentStatuses { get; } = [];

    public Uri BaseAddress => _server!.BaseAddress;

    public static async Task<FakeCiApi> StartAsync()
    {
        var api = new FakeCiApi();
        api._server = await TestHttpServer.StartAsync(app =>
        {
            app.MapGet("/api/v3/repos/{owner}/{repo}/commits/{sha}/pulls", (HttpContext c) => api.Answer(c, api.Pulls));
            app.MapGet("/api/v3/repos/{owner}/{repo}/pulls/{number}/reviews", (HttpContext c) => api.Answer(c, api.Reviews));
            app.MapGet("/api/v3/repos/{owner}/{repo}/actions/runs/{run}/approvals", (HttpContext c) => api.Answer(c, api.RunApprovals));
            app.MapGet("/api/v4/projects/{project}/repository/commits/{sha}/merge_requests", (HttpContext c) => api.Answer(c, api.MergeRequests));
            app.MapGet("/api/v4/projects/{project}/merge_requests/{iid}/approvals", (HttpContext c) => api.Answer(c, api.MergeRequestApprovals));
            app.MapPost("/api/v3/repos/{owner}/{repo}/deployments", async (HttpContext c) =>
            {
                JsonObject body = await ReadAsync(c);
                int id;
                lock (api.Deployments)
                {
                    api.Deployments.Add(body);
                    id = 100 + api.Deployments.Count;
                }

                return api.Answer(c, new JsonObject { ["id"] = id, ["sha"] = body["ref"]?.DeepClone(), ["ref"] = body["ref"]?.DeepClone(), ["environment"] = body["environment"]?.DeepClone() }, StatusCodes.Status201Created);
            });
            app.MapPost("/api/v3/repos/{owner}/{repo}/deployments/{id:int}/statuses", async (HttpContext c, int id) =>
            {
                JsonObject body = await ReadAsync(c);
                lock (api.DeploymentStatuses)
                {
                    api.DeploymentStatuses.Add((id, body));
                }

                return api.Answer(c, new JsonObject { ["id"] = api.DeploymentStatuses.Count, ["state"] = body["state"]?.DeepClone(), ["environment_url"] = body["environment_url"]?.DeepClone() }, StatusCodes.Status201Created);
            });
        });
        return api;
    }

    public static JsonObject Pull(int number, string author, string mergeCommit, string head, string baseRef = "main") => new()
    {
        ["id"] = number,
        ["number"] = number,
        ["state"] = "closed",
        ["merged_at"] = "2026-12-01T09:00:00Z",
        ["merge_commit_sha"] = mergeCommit,
        ["user"] = new JsonObject { ["login"] = author },
        ["base"] = new JsonObject { ["ref"] = baseRef, ["sha"] = "0000000" },
        ["head"] = new JsonObject { ["ref"] = "feature", ["sha"] = head },
    };

    public static JsonObject Review(string who, string state, string commit, int minute) => new()
    {
        ["id"] = minute,
        ["user"] = new JsonObject { ["login"] = who },
        ["state"] = state,
        ["commit_id"] = commit,
        ["submitted_at"] = $"2026-12-01T08:{minute:00}:00Z",
    };

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private static async Task<JsonObject> ReadAsync(HttpContext context)
        => (await JsonNode.ParseAsync(context.Request.Body))?.AsObject() ?? [];

    private IResult Answer(HttpContext context, JsonNode body, int status = StatusCodes.Status200OK)
    {
        lock (Authorizations)
        {
            Authorizations.Add(context.Request.Headers.Authorization.ToString() + context.Request.Headers["PRIVATE-TOKEN"]);
        }

        if (FailWith is { } failure)
        {
            context.Response.Headers["X-RateLimit-Limit"] = "5000";
            context.Response.Headers["X-RateLimit-Remaining"] = "0";
            context.Response.Headers["X-RateLimit-Reset"] = "1893456000";
            return Results.Content("{\"message\":\"API rate limit exceeded\"}", "application/json", statusCode: failure);
        }

        return Results.Content(body.ToJsonString(), "application/json", statusCode: status);
    }
}
