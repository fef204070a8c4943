using Slipway.Gates;
using Slipway.Hosting;
using static Slipway.Tests.Gates.GateRequests;

namespace Slipway.Tests.Gates;

/// <summary>The approvals gate against a fake GitHub (through Octokit) and a fake GitLab on 127.0.0.1, with the variables each CI sets.</summary>
public sealed class ApprovalSourcesTests
{
    private const string Merge = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
    private const string Head = "feedfacefeedfacefeedfacefeedfacefeedface";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ApprovalSources GitHub(FakeCiApi api, string? token = "ghs_test")
    {
        var variables = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_API_URL"] = api.BaseAddress.AbsoluteUri,
            ["GITHUB_REPOSITORY"] = "acme/web",
            ["GITHUB_SHA"] = Merge,
            ["GITHUB_REF_NAME"] = "main",
            ["GITHUB_RUN_ID"] = "4242",
        };
        if (token is not null)
        {
            variables["GITHUB_TOKEN"] = token;
        }

        return new ApprovalSources(new DictionaryEnvironmentVariables(variables), new HttpClient());
    }

    private static GateOutcome Judge(ApprovalEvidence evidence)
        => GateChecker.Check(Request(None with { Approvals = 2 }) with { Approvals = evidence }, Support.TestClock.At(Tuesday10));

    [Fact]
    public async Task Two_approving_reviews_by_others_on_the_last_commit_satisfy_two_approvals_and_one_does_not()
    {
        await using FakeCiApi api = await FakeCiApi.StartAsync();
        api.Pulls.Add(FakeCiApi.Pull(7, "carol", Merge, Head));
        api.Reviews.Add(FakeCiApi.Review("alice", "APPROVED", Head, 1));
        api.Reviews.Add(FakeCiApi.Review("carol", "APPROVED", Head, 2));

        ApprovalEvidence one = (await GitHub(api).ReadAsync("production", "main", Ct))!;
        api.Reviews.Add(FakeCiApi.Review("bob", "APPROVED", Head, 3));
        ApprovalEvidence two = (await GitHub(api).ReadAsync("production", "main", Ct))!;

        one.Subject.ShouldBe("pull request #7");
        one.Author.ShouldBe("carol");
        GateRefusal refusal = Judge(one).Refusals.ShouldHaveSingleItem();
        refusal.Evidence.ShouldContain("approved by alice; carol is the author");
        Judge(two).Refusals.ShouldBeEmpty();
        api.Authorizations.ShouldAllBe(a => a == "Token ghs_test");
    }

    [Fact]
    public async Task Changes_requested_after_an_approval_and_an_approval_of_an_older_commit_do_not_count()
    {
        await using FakeCiApi api = await FakeCiApi.StartAsync();
        api.Pulls.Add(FakeCiApi.Pull(8, "carol", "0000000000000000000000000000000000000000", Head, baseRef: "release/1"));
        api.Pulls.Add(FakeCiApi.Pull(7, "carol", Merge, Head));
        api.Reviews.Add(FakeCiApi.Review("alice", "APPROVED", Head, 1));
        api.Reviews.Add(FakeCiApi.Review("alice", "COMMENTED", Head, 2));
        api.Reviews.Add(FakeCiApi.Review("alice", "CHANGES_REQUESTED", Head, 3));
        api.Reviews.Add(FakeCiApi.Review("bob", "APPROVED", "0123456789abcdef0123456789abcdef01234567", 4));
        api.Reviews.Add(FakeCiApi.Review("dave", "APPROVED", Head, 5));

        ApprovalEvidence evidence = (await GitHub(api).ReadAsync("production", "main", Ct))!;

        evidence.Subject.ShouldBe("pull request #7");
        evidence.Approvals.Select(static a => a.Who).ShouldBe(["dave"]);
        evidence.NotCounted.ShouldContain("alice requested changes");
        evidence.NotCounted.ShouldContain("bob approved an older commit 0123456, not the last one feedfac");
        Judge(evidence).Refusals.ShouldHaveSingleItem().Remedy.ShouldStartWith("1 more approval(s) of pull request #7");
    }

    [Fact]
    public async Task An_environment_approval_of_the_run_counts_as_an_approver()
    {
        await using FakeCiApi api = await FakeCiApi.StartAsync();
        api.Pulls.Add(FakeCiApi.Pull(7, "carol", Merge, Head));
        api.Reviews.Add(FakeCiApi.Review("alice", "APPROVED", Head, 1));
        foreach (System.Text.Json.Nodes.JsonNode? approval in System.Text.Json.Nodes.JsonNode.Parse("""
            [{ "state": "approved", "comment": "go", "user": { "login": "erin" }, "environments": [{ "name": "production" }] },
             { "state": "approved", "user": { "login": "frank" }, "environments": [{ "name": "staging" }] },
             { "state": "rejected", "user": { "login": "gina" }, "environments": [{ "name": "production" }] }]
            """)!.AsArray().ToArray())
        {
            api.RunApprovals.Add(approval!.DeepClone());
        }

        ApprovalEvidence evidence = (await GitHub(api).ReadAsync("production", "main", Ct))!;

        evidence.Approvals.Select(static a => a.Who).ShouldBe(["alice", "erin"]);
        evidence.Approvals[1].Via.ShouldBe("GitHub environment 'production' approval of run 4242");
        Judge(evidence).Refusals.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_commit_no_merged_pull_request_brought_has_no_approvals()
    {
        await using FakeCiApi api = await FakeCiApi.StartAsync();

        ApprovalEvidence evidence = (await GitHub(api).ReadAsync("production", "main", Ct))!;

        evidence.Approvals.ShouldBeEmpty();
        Judge(evidence).Refusals.ShouldHaveSingleItem().Evidence.ShouldContain("no merged pull request into main brought commit a1b2c3d");
    }

    [Fact]
    public async Task A_rate_limit_or_an_API_error_fails_clearly_and_never_passes_the_gate()
    {
        await using FakeCiApi api = await FakeCiApi.StartAsync();
        api.FailWith = 403;

        SlipwayException limited = await Should.ThrowAsync<SlipwayException>(() => GitHub(api).ReadAsync("production", "main", Ct));
        api.FailWith = 500;
        SlipwayException broken = await Should.ThrowAsync<SlipwayException>(() => GitHub(api).ReadAsync("production", "main", Ct));

        limited.Kind.ShouldBe(FailureKind.Failed);
        limited.Message.ShouldContain("rate limit");
        broken.Kind.ShouldBe(FailureKind.Failed);
        broken.Message.ShouldContain("GitHub API error 500");
        broken.Message.ShouldContain("Nothing was written");
    }

    [Fact]
    public async Task GitHub_Actions_without_a_token_is_bad_input_naming_the_variable()
    {
        await using FakeCiApi api = await FakeCiApi.StartAsync();

        SlipwayException e = await Should.ThrowAsync<SlipwayException>(() => GitHub(api, token: null).ReadAsync("production", "main", Ct));

        e.Kind.ShouldBe(FailureKind.Input);
        e.Message.ShouldContain("GITHUB_TOKEN");
    }

    [Fact]
    public async Task GitLab_counts_the_merge_requests_approvers_but_not_its_author()
    {
        await using FakeCiApi api = await FakeCiApi.StartAsync();
        api.MergeRequests.Add(System.Text.Json.Nodes.JsonNode.Parse($$"""{ "iid": 3, "state": "opened", "target_branch": "main", "author": { "username": "zed" } }""")!);
        api.MergeRequests.Add(System.Text.Json.Nodes.JsonNode.Parse($$"""{ "iid": 12, "state": "merged", "target_branch": "main", "merge_commit_sha": "{{Merge}}", "author": { "username": "carol" } }""")!);
        api.MergeRequestApprovals = System.Text.Json.Nodes.JsonNode.Parse("""{ "approved_by": [{ "user": { "username": "carol" } }, { "user": { "username": "alice" } }] }""")!.AsObject();
        var variables = new DictionaryEnvironmentVariables(new Dictionary<string, string>
        {
            ["GITLAB_CI"] = "true",
            ["CI_API_V4_URL"] = new Uri(api.BaseAddress, "api/v4").AbsoluteUri,
            ["CI_PROJECT_ID"] = "42",
            ["CI_COMMIT_SHA"] = Merge,
            ["GITLAB_TOKEN"] = "glpat-test",
        });

        ApprovalEvidence evidence = (await new ApprovalSources(variables, new HttpClient()).ReadAsync("production", "main", Ct))!;
        api.MergeRequestApprovals = System.Text.Json.Nodes.JsonNode.Parse("""{ "approved_by": [{ "user": { "username": "alice" } }, { "user": { "username": "bob" } }] }""")!.AsObject();
        ApprovalEvidence two = (await new ApprovalSources(variables, new HttpClient()).ReadAsync("production", "main", Ct))!;
        api.FailWith = 429;
        SlipwayException limited = await Should.ThrowAsync<SlipwayException>(() => new ApprovalSources(variables, new HttpClient()).ReadAsync("production", "main", Ct));

        evidence.Subject.ShouldBe("merge request !12");
        evidence.Author.ShouldBe("carol");
        Judge(evidence).Refusals.ShouldHaveSingleItem().Evidence.ShouldContain("carol is the author");
        Judge(two).Refusals.ShouldBeEmpty();
        limited.Kind.ShouldBe(FailureKind.Failed);
        limited.Message.ShouldContain("rate limited");
        api.Authorizations.ShouldAllBe(a => a == "glpat-test");
    }

    [Fact]
    public async Task A_local_run_has_no_approval_source()
        => (await new ApprovalSources(new DictionaryEnvironmentVariables(), new HttpClient()).ReadAsync("production", "main", Ct)).ShouldBeNull();
}
