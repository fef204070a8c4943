using Slipway.Environments;
using Slipway.Processes;

namespace Slipway.Tests.Environments;

public sealed class GitBranchNameTests
{
    public static TheoryData<string> Names =>
    [
        "main", "release/1.2", "feature/x-y_z", "v1.0", "a.b", "user@host", "日本", "x{y}", "@x", "a@b{c",
        "main; rm -rf /", "a b", "a\tb", "a~1", "a^", "a:b", "a?", "a*", "a[b", "a\\b", "a..b", "a@{1}",
        "-main", "/main", "main/", "main.", "main.lock", "a/b.lock/c", "a//b", ".hidden", "a/.b", "", "a\u007fb", "a\u0001b",
        "refs/heads/x", "a/-b", "a.lock.x", "-", "a/.", "main/.",
    ];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Agrees_with_git_check_ref_format_branch(string name)
    {
        ProcessResult git = await new ProcessRunner().RunAsync(
            new ProcessRequest("git", ["check-ref-format", "--branch", name]) { IsSuccess = static _ => true, Timeout = TimeSpan.FromSeconds(30) },
            TestContext.Current.CancellationToken);

        string? problem = GitBranchName.FindProblem(name);

        (problem is null).ShouldBe(git.ExitCode == 0, $"git says {git.ExitCode} ({git.StandardError.Trim()}), Slipway says {problem ?? "valid"}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_schema_pattern_agrees_with_the_rules(string name)
        => System.Text.RegularExpressions.Regex.IsMatch(name, GitBranchName.Pattern).ShouldBe(GitBranchName.FindProblem(name) is null);

    [Theory]
    [InlineData("main; rm -rf /", "'main; rm -rf /' contains a space")]
    [InlineData("a..b", "'a..b' contains '..'")]
    [InlineData("a@{1}", "'a@{1}' contains '@{'")]
    [InlineData("main.lock", "'main.lock' ends with '.lock'")]
    [InlineData("@", "'@' alone is not a branch name")]
    [InlineData("HEAD", "'HEAD' is the name Git gives the current commit")]
    public void The_problem_names_what_is_wrong(string name, string expected)
        => GitBranchName.FindProblem(name).ShouldBe(expected);
}
