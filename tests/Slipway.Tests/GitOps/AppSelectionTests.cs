using Slipway.GitOps;

namespace Slipway.Tests.GitOps;

public sealed class AppSelectionTests
{
    private static readonly AppRelease[] s_apps =
    [
        new("web", "ghcr.io/acme/web", "staging-122", 2, "web"),
        new("api", "ghcr.io/acme/api", "1.4.0", 1, "api"),
    ];

    [Fact]
    public void Select_NoAppNoTag_IsEveryApp()
    {
        AppSelection.Select("staging", s_apps, null, null).ShouldBe(s_apps);
    }

    [Fact]
    public void Select_AppAndTag_IsThatAppWithTheTag()
    {
        AppSelection.Select("staging", s_apps, "web", "staging-123").ShouldBe([s_apps[0] with { Tag = "staging-123" }]);
    }

    [Fact]
    public void Select_TagWithASingleApp_NeedsNoAppName()
    {
        AppSelection.Select("dev", [s_apps[1]], null, "1.5.0").ShouldBe([s_apps[1] with { Tag = "1.5.0" }]);
    }

    [Fact]
    public void Notice_TagWithoutAppOnTheOnlyApp_SaysWhichAppGetsTheTag()
    {
        AppSelection.Notice("dev", [s_apps[1]], null, "1.5.0").ShouldBe("--tag 1.5.0 without --app: deploying api, the only app of dev, at 1.5.0.");
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("api", "1.5.0")]
    [InlineData("api", null)]
    public void Notice_AppNamedOrNoTag_IsNothing(string? app, string? tag)
    {
        AppSelection.Notice("dev", [s_apps[1]], app, tag).ShouldBeNull();
    }

    [Theory]
    [InlineData("shop", null, "--app 'shop' is not an app of environment staging; its apps are: web, api.")]
    [InlineData(null, "1.0", "--tag needs --app: environment staging has 2 apps (web, api). Deploy one of them at that tag with --app web --tag 1.0")]
    [InlineData("web", "bad tag", "--tag 'bad tag' is not a valid image tag")]
    [InlineData("web", "-x", "--tag '-x' is not a valid image tag")]
    public void Select_BadInput_IsAnInputErrorNamingTheParameter(string? app, string? tag, string expected)
    {
        SlipwayException error = Should.Throw<SlipwayException>(() => AppSelection.Select("staging", s_apps, app, tag));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldStartWith(expected);
    }
}
