using Slipway.Environments;
using Slipway.Environments.Review;
using Slipway.Environments.Settings;
using Slipway.Environments.Validation;
using Slipway.Tests.Support;

namespace Slipway.Tests.Environments.Review;

/// <summary>A review environment over this repository's own layers: made in memory from aio, with its own GitOps folder and workspace.</summary>
public sealed class ReviewLayerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_review_environment_extends_aio_with_its_own_gitops_path_and_workspace()
    {
        EnvironmentCatalog catalog = ReviewLayer.AddTo(await EnvironmentCatalog.LoadAsync(RepositoryPaths.Root, Ct), "review-feature-login-page");

        ResolvedEnvironment review = catalog.Resolve("review-feature-login-page");
        EnvironmentSettings settings = EnvironmentSettings.Load(catalog, "review-feature-login-page");

        review.Diagnostics.Where(static d => d.IsError).ShouldBeEmpty();
        review.Layers.ShouldBe(["base", "singlenode", "aio", "review-feature-login-page"]);
        settings.GitOps.Path.ShouldBe("clusters/review-feature-login-page");
        settings.Infrastructure.ShouldNotBeNull().Workspace.ShouldBe("review-feature-login-page");
        settings.Cluster.Local.ShouldBeTrue();
        settings.Protected.ShouldBeFalse();
        Directory.Exists(RepositoryPaths.Combine("environments", "review-feature-login-page")).ShouldBeFalse("nothing is written to environments/");
    }

    [Fact]
    public async Task Validate_of_the_review_environment_reports_no_error()
    {
        EnvironmentCatalog catalog = ReviewLayer.AddTo(await EnvironmentCatalog.LoadAsync(RepositoryPaths.Root, Ct), "review-x");

        Should.NotThrow(() => EnvironmentValidator.Run(catalog, "review-x", warningsAsErrors: false, gitHubActions: false, NullLog.Instance));
    }

    [Theory]
    [InlineData("staging")]
    [InlineData(null)]
    public async Task Other_names_leave_the_catalogue_as_it_is(string? environment)
    {
        EnvironmentCatalog catalog = await EnvironmentCatalog.LoadAsync(RepositoryPaths.Root, Ct);

        ReviewLayer.AddTo(catalog, environment).ShouldBeSameAs(catalog);
    }

    [Fact]
    public async Task A_committed_folder_with_a_review_name_is_refused_by_Create()
    {
        EnvironmentCatalog catalog = await EnvironmentCatalog.LoadAsync(RepositoryPaths.Root, Ct);
        EnvironmentCatalog withReview = catalog.With(ReviewLayer.Create(catalog, "review-a"));

        SlipwayException error = Should.Throw<SlipwayException>(() => ReviewLayer.Create(withReview, "review-a"));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldContain("a committed environment has this name");
    }
}
