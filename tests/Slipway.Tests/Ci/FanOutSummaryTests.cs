using Slipway.Ci;
using Slipway.Tests.Support;

namespace Slipway.Tests.Ci;

public sealed class FanOutSummaryTests
{
    [Fact]
    public void The_summary_lists_every_expected_environment_failures_and_missing_results_first()
    {
        using var results = new TempDirectory();
        results.Write("site-a", "success\n");
        results.Write("site-b", "failure\n");
        results.Write("site-d", "success\n");

        var summary = FanOutSummary.Read(results.Path, ["site-a", "site-b", "site-c"]);

        summary.AllSucceeded.ShouldBeFalse();
        summary.Succeeded.ShouldBe(1);
        summary.Failures().ShouldBe(["site-b: failure", "site-c: no result"]);
        summary.ToMarkdown("Deploy of site").ShouldBe(
            "### Deploy of site: 1 of 3 succeeded\n\n| Environment | Result |\n|---|---|\n| site-b | **failure** |\n| site-c | **no result** |\n| site-a | success |\n");
        FanOutSummary.Read(results.Path, ["site-a", "site-d"]).AllSucceeded.ShouldBeTrue();
    }
}
