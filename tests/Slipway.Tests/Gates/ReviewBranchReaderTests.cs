using Slipway.Gates;
using Slipway.Hosting;
using Slipway.Tests.Support;

namespace Slipway.Tests.Gates;

/// <summary>Which branch a review environment is named after, on GitHub Actions, GitLab CI and a laptop.</summary>
public sealed class ReviewBranchReaderTests : IDisposable
{
    private readonly TempDirectory _notARepository = new();

    public void Dispose() => _notARepository.Dispose();

    [Theory]
    [InlineData("feature/x", "GITHUB_HEAD_REF=feature/y", "feature/x", "--branch")]
    [InlineData(null, "GITHUB_HEAD_REF=feature/Login_Page;GITHUB_REF_NAME=12/merge", "feature/Login_Page", "GITHUB_HEAD_REF")]
    [InlineData(null, "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME=fix/a;CI_COMMIT_REF_NAME=other", "fix/a", "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME")]
    [InlineData(null, "GITHUB_REF_NAME=topic", "topic", "GITHUB_REF_NAME")]
    [InlineData(null, "CI_COMMIT_REF_NAME=gitlab-ref", "gitlab-ref", "CI_COMMIT_REF_NAME")]
    public void The_branch_comes_from_the_option_then_the_request_then_the_run(string? explicitBranch, string variables, string branch, string source)
    {
        var environment = new DictionaryEnvironmentVariables(variables.Split(';').Select(static pair => pair.Split('=')).Select(static p => KeyValuePair.Create(p[0], p[1])));

        ReviewBranchReader.Read(explicitBranch, environment, _notARepository.Path).ShouldBe((branch, source));
    }

    [Fact]
    public void No_branch_anywhere_is_bad_input_asking_for_branch()
    {
        SlipwayException error = Should.Throw<SlipwayException>(() => ReviewBranchReader.Read(null, new DictionaryEnvironmentVariables(), _notARepository.Path));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldBe($"No branch to name the review environment after ({_notARepository.Path} is not a git repository): pass --branch NAME, or check out a branch.");
    }
}
