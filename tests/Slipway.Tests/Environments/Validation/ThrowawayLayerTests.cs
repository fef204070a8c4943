using Slipway.Environments;
using Slipway.Environments.Validation;

namespace Slipway.Tests.Environments.Validation;

/// <summary><c>allowPlainTextSecrets: true</c>: a throwaway layer's own plain-text secrets are warnings; never for a protected environment.</summary>
public sealed class ThrowawayLayerTests : IDisposable
{
    private const string Valid = "cluster:\n  local: true\ngitops:\n  repository: local\n  engine: flux\n";

    private readonly TempRepository _repository = new();

    public ThrowawayLayerTests()
    {
        _repository
            .Write("base/env.yaml", Valid + "infrastructure:\n  stack: infra/platform\n")
            .Write("demo/env.yaml", "extends: [base]\nallowPlainTextSecrets: true\ninfrastructure:\n  variables:\n    admin_password: admin\n");
    }

    public void Dispose() => _repository.Dispose();

    private async Task<ValidationResult> ValidateAsync(string name)
        => EnvironmentValidator.Validate(await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken), name);

    [Fact]
    public async Task Plain_text_in_a_throwaway_layer_is_a_warning_naming_the_permission()
    {
        ValidationResult result = await ValidateAsync("demo");

        Diagnostic warning = result.Diagnostics.ShouldHaveSingleItem();
        warning.ToString().ShouldBe(
            "environments/demo/env.yaml(5,21): warning SLW1004: 'infrastructure.variables.admin_password' looks like a secret but holds plain text: "
            + "accepted because this layer declares allowPlainTextSecrets: true (environments/demo/env.yaml:2); never use a real secret here, and no protected environment may extend this layer");
    }

    [Fact]
    public async Task The_permission_is_not_inherited_by_a_layer_that_extends_it()
    {
        _repository.Write("demo2/env.yaml", "extends: [demo]\ninfrastructure:\n  variables:\n    api_token: t0ken\n");

        ValidationResult result = await ValidateAsync("demo2");

        result.Diagnostics.Where(d => d.IsError).ShouldHaveSingleItem().ToString().ShouldStartWith("environments/demo2/env.yaml(4,16): error SLW0203:");
        result.Diagnostics.Where(d => !d.IsError).ShouldHaveSingleItem().Code.ShouldBe("SLW1004");
    }

    [Fact]
    public async Task A_protected_environment_can_never_take_a_throwaway_layer()
    {
        _repository.Write("prod/env.yaml", "extends: [demo]\nprotected: true\ngates:\n  approvals: 2\n  branches: [main]\ninfrastructure:\n  variables:\n    admin_password: ${env:ADMIN_PASSWORD}\n");

        ValidationResult result = await ValidateAsync("prod");

        Diagnostic error = result.Diagnostics.Where(d => d.IsError).ShouldHaveSingleItem();
        error.ToString().ShouldStartWith(
            "environments/prod/env.yaml(2,1): error SLW0206: protected environment 'prod' takes layer 'demo', which accepts plain-text secrets (allowPlainTextSecrets: true at environments/demo/env.yaml:2)");
    }

    [Fact]
    public async Task The_key_is_not_merged_into_the_environment()
    {
        EnvironmentCatalog catalog = await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken);

        catalog.Resolve("demo").Find("allowPlainTextSecrets").ShouldBeNull();
        catalog.Layers["demo"].PlainTextSecretsAllowedAt.ShouldNotBeNull();
    }
}
