using Slipway.Delivery;
using Slipway.Environments;
using Slipway.Environments.Settings;
using Slipway.Hosting;
using Slipway.Tests.Support;

namespace Slipway.Tests.Delivery;

/// <summary><c>infrastructure.workspace</c> from <c>${env:…}</c>: resolved when used, checked as a workspace name, never masked.</summary>
public sealed class InfrastructureMappingTests
{
    private static InfrastructureSettings Settings(string workspace)
        => new("infra/platform", workspace, InfrastructureTool.Terraform, new Dictionary<string, object?>(), TimeSpan.FromHours(1))
        {
            WorkspaceSource = "environments/review/env.yaml:7",
        };

    private static SecretResolver Resolver(RecordingLog log, string branch)
        => new(new DictionaryEnvironmentVariables([new("CI_COMMIT_REF_SLUG", branch)]), Path.GetTempPath(), log);

    [Fact]
    public void A_workspace_reference_resolves_to_the_branch_slug_and_is_not_a_secret()
    {
        var log = new RecordingLog();

        string workspace = InfrastructureMapping.Workspace(Settings("review-${env:CI_COMMIT_REF_SLUG}"), Resolver(log, "feature-login"));

        workspace.ShouldBe("review-feature-login");
        log.Secrets.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("feature/login")]
    [InlineData("a b")]
    [InlineData("")]
    public void A_resolved_workspace_that_is_not_a_name_is_bad_input_naming_the_key(string branch)
    {
        SlipwayException error = Should.Throw<SlipwayException>(() => InfrastructureMapping.Workspace(Settings("${env:CI_COMMIT_REF_SLUG}"), Resolver(new RecordingLog(), branch)));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldStartWith($"infrastructure.workspace (environments/review/env.yaml:7): '${{env:CI_COMMIT_REF_SLUG}}' resolved to '{branch}', which is not a workspace name");
    }
}
