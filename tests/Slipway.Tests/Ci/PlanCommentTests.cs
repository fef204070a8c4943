using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Octokit;
using Slipway.Ci;
using Slipway.Tests.Support;

namespace Slipway.Tests.Ci;

/// <summary>The plan comment through Octokit against a real HTTP server speaking the GitHub issue-comments API.</summary>
public sealed class PlanCommentTests
{
    [Fact]
    public async Task The_plan_is_one_comment_per_environment_updated_rather_than_repeated()
    {
        var comments = new ConcurrentDictionary<long, string>();
        comments[1] = "LGTM, a comment by a person";
        var requests = new ConcurrentQueue<string>();
        await using TestHttpServer server = await TestHttpServer.StartAsync(app => MapComments(app, comments, requests));
        var client = new GitHubClient(new ProductHeaderValue("slipway-test"), server.BaseAddress) { Credentials = new Credentials("token-1") };
        var comment = new PlanComment(client);
        var pullRequest = new PullRequestRef("acme", "web", 7);
        CancellationToken ct = TestContext.Current.CancellationToken;

        (await comment.PublishAsync(pullRequest, "staging", "### Plan: 1 to add", ct)).Outcome.ShouldBe("created");
        (await comment.PublishAsync(pullRequest, "staging", "### Plan: 2 to add", ct)).Outcome.ShouldBe("updated");
        (await comment.PublishAsync(pullRequest, "staging", "### Plan: 2 to add", ct)).Outcome.ShouldBe("unchanged");
        (await comment.PublishAsync(pullRequest, "dev", "### Plan: no changes", ct)).Outcome.ShouldBe("created");

        comments.Count.ShouldBe(3);
        comments.Values.Count(b => b.Contains(PlanComment.Marker("staging"), StringComparison.Ordinal)).ShouldBe(1);
        comments.Values.Single(b => b.Contains(PlanComment.Marker("staging"), StringComparison.Ordinal)).ShouldBe("<!-- slipway-plan:staging -->\n### Plan: 2 to add\n");
        comments[1].ShouldBe("LGTM, a comment by a person");
        requests.ShouldContain("PATCH /api/v3/repos/acme/web/issues/comments/2 Token token-1");
        requests.Count(r => r.StartsWith("POST", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public void The_pull_request_of_a_GitHub_Actions_run_is_read_from_the_event_file()
    {
        using var temp = new TempDirectory();
        string pullEvent = temp.Write("event.json", "{\"action\":\"synchronize\",\"pull_request\":{\"number\":42}}");
        string pushEvent = temp.Write("push.json", "{\"ref\":\"refs/heads/main\"}");

        PullRequestRef.FromGitHubActions(n => n switch { "GITHUB_REPOSITORY" => "acme/web", "GITHUB_EVENT_PATH" => pullEvent, _ => null })
            .ShouldBe(new PullRequestRef("acme", "web", 42));
        PullRequestRef.FromGitHubActions(n => n switch { "GITHUB_REPOSITORY" => "acme/web", "GITHUB_EVENT_PATH" => pushEvent, _ => null }).ShouldBeNull();
        PullRequestRef.FromGitHubActions(_ => null).ShouldBeNull();
    }

    private static void MapComments(WebApplication app, ConcurrentDictionary<long, string> comments, ConcurrentQueue<string> requests)
    {
        object Json(long id) => new { id, node_id = $"IC_{id}", body = comments[id], html_url = $"https://github.example/acme/web/pull/7#issuecomment-{id}", url = $"https://api.example/comments/{id}" };
        void Record(HttpContext context) => requests.Enqueue($"{context.Request.Method} {context.Request.Path} {context.Request.Headers.Authorization}");

        app.MapGet("/api/v3/repos/{owner}/{repo}/issues/{number:int}/comments", (HttpContext context) =>
        {
            Record(context);
            return Results.Json(comments.Keys.Order().Select(Json).ToList());
        });
        app.MapPost("/api/v3/repos/{owner}/{repo}/issues/{number:int}/comments", async (HttpContext context) =>
        {
            Record(context);
            using JsonDocument body = await JsonDocument.ParseAsync(context.Request.Body);
            long id = comments.Keys.Max() + 1;
            comments[id] = body.RootElement.GetProperty("body").GetString()!;
            return Results.Json(Json(id), statusCode: 201);
        });
        app.MapMethods("/api/v3/repos/{owner}/{repo}/issues/comments/{id:long}", ["PATCH"], async (HttpContext context, long id) =>
        {
            Record(context);
            using JsonDocument body = await JsonDocument.ParseAsync(context.Request.Body);
            comments[id] = body.RootElement.GetProperty("body").GetString()!;
            return Results.Json(Json(id));
        });
    }
}
