using Slipway.Environments;
using Slipway.Environments.Review;
using Slipway.GitOps;

namespace Slipway.Tests.Environments.Review;

public sealed class ReviewEnvironmentNameTests
{
    [Theory]
    [InlineData("feature/Login_Page", "review-feature-login-page")]
    [InlineData("main", "review-main")]
    [InlineData("FIX--double__UNDERSCORE", "review-fix-double-underscore")]
    [InlineData("--leading/and/trailing--", "review-leading-and-trailing")]
    [InlineData("42-answer", "review-42-answer")]
    [InlineData("123", "review-123")]
    [InlineData("release/1.2.3", "review-release-1-2-3")]
    [InlineData("Café/Ünïcödé", "review-caf-n-c-d")]
    [InlineData("İstanbul-ß", "review-stanbul")]
    [InlineData("feature/日本語-page", "review-feature-page")]
    [InlineData("user@host:~branch", "review-user-host-branch")]
    [InlineData("dependabot/npm_and_yarn/lodash-4.17.21", "review-dependabot-npm-and-yarn-lodash-4-17-21")]
    public void A_branch_becomes_review_and_its_slug(string branch, string expected)
    {
        ReviewEnvironmentName.For(branch).ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("///")]
    [InlineData("日本語")]
    [InlineData("__--__")]
    public void A_branch_with_no_letter_or_digit_left_is_bad_input(string branch)
    {
        SlipwayException error = Should.Throw<SlipwayException>(() => ReviewEnvironmentName.For(branch));

        error.Kind.ShouldBe(FailureKind.Input);
        ((int)error.Kind).ShouldBe(2);
        error.Message.ShouldBe($"The branch '{branch}' has no letter or digit (a-z, 0-9) to name a review environment after: pass one with --branch NAME (e.g. --branch feature-42).");
    }

    [Fact]
    public void A_name_of_exactly_63_characters_is_kept_whole()
    {
        string branch = new('a', EnvironmentName.MaxLength - ReviewEnvironmentName.Prefix.Length);

        ReviewEnvironmentName.For(branch).ShouldBe(ReviewEnvironmentName.Prefix + branch);
    }

    [Fact]
    public void A_long_branch_is_cut_to_63_characters_ending_in_its_hash()
    {
        string branch = "feature/" + string.Concat(Enumerable.Repeat("very-long-description-", 6));

        string name = ReviewEnvironmentName.For(branch);

        name.Length.ShouldBeLessThanOrEqualTo(63);
        name.ShouldStartWith("review-feature-very-long-description-very-long");
        name.ShouldMatch("-[0-9a-f]{8}$");
        ReviewEnvironmentName.For(branch).ShouldBe(name, "the same branch always gets the same name");
        Should.NotThrow(() => KubernetesNames.Require(name, "environment"));
        EnvironmentName.IsValid(name).ShouldBeTrue();
    }

    [Fact]
    public void A_cut_that_would_end_in_a_dash_drops_it()
    {
        // the 47 characters of the slug that fit end with the dash after the x's: it goes, never two in a row before the hash
        string branch = new string('x', 46) + "/" + new string('y', 40);

        string name = ReviewEnvironmentName.For(branch);

        name.ShouldMatch("^review-x{46}-[0-9a-f]{8}$");
        EnvironmentName.IsValid(name).ShouldBeTrue();
        name.Length.ShouldBeLessThanOrEqualTo(63);
    }

    [Fact]
    public void Two_long_branches_sharing_a_60_character_prefix_never_collide()
    {
        string prefix = "feature/" + new string('a', 52);
        prefix.Length.ShouldBe(60);

        string first = ReviewEnvironmentName.For(prefix + "-first-change");
        string second = ReviewEnvironmentName.For(prefix + "-second-change");

        first.ShouldNotBe(second);
        first[..^ReviewEnvironmentName.HashLength].ShouldBe(second[..^ReviewEnvironmentName.HashLength]);
        first.Length.ShouldBe(63);
        second.Length.ShouldBe(63);
    }

    [Theory]
    [InlineData("review-feature-x", true)]
    [InlineData("review-", false)]
    [InlineData("staging", false)]
    [InlineData("production", false)]
    [InlineData("reviewer", false)]
    [InlineData("review-Bad", false)]
    public void Only_names_made_here_are_review_environments(string environment, bool expected)
    {
        ReviewEnvironmentName.IsReview(environment).ShouldBe(expected);
    }

    [Fact]
    public void Destroying_a_non_review_environment_is_refused_as_bad_input()
    {
        SlipwayException error = Should.Throw<SlipwayException>(() => ReviewEnvironmentName.RequireReview("staging", "--env"));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldContain("only a review environment (named review-…, made by DeployReview) can be destroyed; 'staging' is not one, so nothing was touched.");
    }
}
