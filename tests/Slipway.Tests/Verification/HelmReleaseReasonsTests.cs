using Shouldly;
using Slipway.Verification;
using Xunit;

namespace Slipway.Tests.Verification;

public sealed class HelmReleaseReasonsTests
{
    [Theory]
    [InlineData("InstallFailed", true, false)]
    [InlineData("UpgradeFailed", true, false)]
    [InlineData("RollbackSucceeded", true, false)]
    [InlineData("UninstallFailed", true, false)]
    [InlineData("TestFailed", true, false)]
    [InlineData("RetriesExceeded", true, false)]
    [InlineData("ChartNotFound", false, true)]
    [InlineData("ArtifactFailed", false, true)]
    [InlineData("Progressing", false, false)]
    [InlineData("InstallSucceeded", false, false)]
    [InlineData(null, false, false)]
    public void A_reason_is_a_failed_action_a_source_failure_or_neither(string? reason, bool failedAction, bool sourceFailure)
    {
        HelmReleaseReasons.IsFailedAction(reason).ShouldBe(failedAction);
        HelmReleaseReasons.IsSourceFailure(reason).ShouldBe(sourceFailure);
        HelmReleaseReasons.IsFailure(reason).ShouldBe(failedAction || sourceFailure);
    }
}
