using Slipway.Environments;
using Slipway.Environments.Validation;
using Slipway.Tests.Support;

namespace Slipway.Tests.Environments.Validation;

public sealed class SampleEnvironmentsTests
{
    [Fact]
    public async Task Sample_environments_validate_clean()
    {
        ValidationResult result = EnvironmentValidator.Validate(await EnvironmentCatalog.LoadAsync(RepositoryPaths.Root, TestContext.Current.CancellationToken), null);

        result.Diagnostics.Select(DiagnosticFormatter.Format).ShouldBeEmpty();
        result.Environments.ShouldBe(["aio", "base", "dev", "ha", "production", "production-rehearsal", "singlenode", "site", "site-ha", "staging"]);
    }
}
