using Slipway.GitOps;
using Slipway.GitOps.Git;
using Slipway.Hosting;
using Slipway.Tests.Support;

namespace Slipway.Tests.GitOps.Git;

public sealed class CommitInfoFactoryTests : IDisposable
{
    private static readonly TimeProvider s_time = TestClock.At(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly GitFixture _fixture = new();

    [Theory]
    [InlineData("github", "octocat", "octocat@localhost", "gh-sha", "1234")]
    [InlineData("gitlab", "gl-user", "gl@example.org", "gl-sha", "99")]
    public void FromEnvironment_UsesTheCiVariables(string ci, string name, string email, string sha, string run)
    {
        Dictionary<string, string> variables = ci == "github"
            ? new() { ["GITHUB_ACTOR"] = name, ["GITHUB_SHA"] = sha, ["GITHUB_RUN_ID"] = run }
            : new() { ["GITLAB_USER_LOGIN"] = name, ["GITLAB_USER_EMAIL"] = email, ["CI_COMMIT_SHA"] = sha, ["CI_PIPELINE_ID"] = run };

        CommitInfo info = CommitInfoFactory.FromEnvironment(new DictionaryEnvironmentVariables(variables), "staging", _fixture.Root, s_time);

        info.ShouldBe(new CommitInfo(name, email, "staging", sha, run));
    }

    [Fact]
    public void FromEnvironment_Locally_UsesTheRepositoryConfigAndHead()
    {
        GitFixture.Git(_fixture.Root, "init", "-q");
        GitFixture.Git(_fixture.Root, "config", "user.name", "Ada Lovelace");
        GitFixture.Git(_fixture.Root, "config", "user.email", "ada@example.org");
        GitFixture.Git(_fixture.Root, "commit", "-q", "--allow-empty", "-m", "first");
        string head = GitFixture.Git(_fixture.Root, "rev-parse", "HEAD");

        CommitInfo info = CommitInfoFactory.FromEnvironment(new DictionaryEnvironmentVariables(), "dev", _fixture.Root, s_time);

        info.ShouldBe(new CommitInfo("Ada Lovelace", "ada@example.org", "dev", head, "local-20261123T100000Z"));
    }

    public void Dispose() => _fixture.Dispose();
}
