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
    [InlineData("30s", 30)]
    [InlineData("1.5m", 90)]
    [InlineData("500ms", 0.5)]
    [InlineData("250ms", 0.25)]
    [InlineData(".5s", 0.5)]
    [InlineData("1h0m0s", 3600)]
    [InlineData("1.5d", 129600)]
    [InlineData("1500us", 0.0015)]
    [InlineData("0", 0)]
    [InlineData("00:02:00", 120)]
    [InlineData("1:30:00", 5400)]
    [InlineData(" 5m ", 300)]
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
    [InlineData("+5m")]
    [InlineData("1.5")]
    [InlineData(".s")]
    [InlineData("5 m")]
    [InlineData("-00:05:00")]
    [InlineData("99999999999999999999d")]
    [InlineData("5m-")]
    public void Rejects(string text) => Duration.TryParse(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData(90, "1m30s")]
    [InlineData(3600, "1h")]
    [InlineData(0, "0s")]
    public void Formats(int seconds, string text) => Duration.Format(TimeSpan.FromSeconds(seconds)).ShouldBe(text);

    [Theory]
    [InlineData("1.5m")]
    [InlineData("00:02:00")]
    [InlineData("0")]
    [InlineData("2d")]
    public void The_schema_pattern_accepts_what_the_parser_accepts(string text)
    {
        Duration.TryParse(text, out _).ShouldBeTrue();
        System.Text.RegularExpressions.Regex.IsMatch(text, Duration.Pattern).ShouldBeTrue();
    }
}
