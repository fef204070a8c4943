using Slipway.Ci;
using Slipway.Environments;
using Slipway.Tests.Support;

namespace Slipway.Tests.Ci;

/// <summary>Changed files mapped through the layers of this repository's real environments.</summary>
public sealed class ChangedEnvironmentMapTests
{
    private static readonly string[] s_all = ["aio", "dev", "production", "production-rehearsal", "site-ha", "staging"];

    [Fact]
    public async Task Deployable_environments_are_the_ones_no_other_extends_and_the_protected_ones()
        => ChangedEnvironmentMap.Deployable(await CatalogAsync()).ShouldBe(s_all);

    [Theory]
    [InlineData("environments/base/env.yaml", "aio dev production production-rehearsal site-ha staging")]
    [InlineData("environments/singlenode/env.yaml", "aio dev")]
    [InlineData("environments/site/env.yaml", "site-ha")]
    [InlineData("environments/production/env.yaml", "production production-rehearsal")]
    [InlineData("environments/staging/env.yaml", "staging")]
    [InlineData("infra/platform/main.tf", "aio dev production production-rehearsal site-ha staging")]
    [InlineData("src/Slipway/Ci/CiJob.cs", "aio dev production production-rehearsal site-ha staging")]
    [InlineData("docs/ci.md", "")]
    [InlineData("tests/Slipway.Tests/Ci/CiGoldenTests.cs", "")]
    public async Task A_changed_file_touches_the_environments_that_inherit_it(string file, string expected)
        => ChangedEnvironmentMap.Map(await CatalogAsync(), [file]).ShouldBe(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task A_layer_no_environment_extends_is_refused_with_exit_2()
    {
        EnvironmentCatalog catalog = await CatalogAsync();

        ChangedEnvironmentMap.Extending(catalog, "site").ShouldBe(["site-ha"]);
        ChangedEnvironmentMap.Extending(catalog, "singlenode").ShouldBe(["aio", "dev"]);
        var error = Should.Throw<SlipwayException>(() => ChangedEnvironmentMap.Extending(catalog, "staging"));
        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldContain("no environment extends the layer 'staging'");
        Should.Throw<SlipwayException>(() => ChangedEnvironmentMap.Extending(catalog, "nowhere")).Message.ShouldContain("--matrix: no environment 'nowhere'");
    }

    private static Task<EnvironmentCatalog> CatalogAsync() => EnvironmentCatalog.LoadAsync(RepositoryPaths.Root, TestContext.Current.CancellationToken);
}
