using Slipway.Environments;

namespace Slipway.Tests.Environments;

public sealed class DurationTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("5m", 300)]
    [InlineData("1h30m", 5400)]
    [InlineData("2d", 172800)]
    [InlineData("1500ms", 1.5)]
    public void Parses(string text, double seconds)
    {
        Duration.TryParse(text, out TimeSpan value).ShouldBeTrue();
        value.ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData("5")]
    [InlineData("5 minutes")]
    [InlineData("-5m")]
    [InlineData("m")]
    [InlineData("")]
    public void Rejects(string text) => Duration.TryParse(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData(90, "1m30s")]
    [InlineData(3600, "1h")]
    [InlineData(0, "0s")]
    public void Formats(int seconds, string text) => Duration.Format(TimeSpan.FromSeconds(seconds)).ShouldBe(text);
}
