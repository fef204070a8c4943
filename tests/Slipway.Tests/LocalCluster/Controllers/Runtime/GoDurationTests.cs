using Slipway.LocalCluster.Controllers.Runtime;

namespace Slipway.Tests.LocalCluster.Controllers.Runtime;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("5m", 300_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("5m0s", 300_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("250ms", 250)]
    [InlineData("1.5s", 1_500)]
    [InlineData("", 42)]
    [InlineData("soon", 42)]
    [InlineData("5 minutes", 42)]
    public void Parses_flux_durations_or_falls_back(string text, int milliseconds)
        => GoDuration.Parse(text, TimeSpan.FromMilliseconds(42)).ShouldBe(TimeSpan.FromMilliseconds(milliseconds));

    [Theory]
    [InlineData(300_000, "5m0s")]
    [InlineData(90_000, "1m30s")]
    [InlineData(10_000, "10s")]
    [InlineData(3_660_000, "1h1m0s")]
    [InlineData(500, "500ms")]
    public void Formats_like_go(int milliseconds, string text)
        => GoDuration.Format(TimeSpan.FromMilliseconds(milliseconds)).ShouldBe(text);
}
