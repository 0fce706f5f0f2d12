using CampaignBot.Core.Time;

namespace CampaignBot.Core.Tests;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("45s", 45)]
    [InlineData("10m", 600)]
    [InlineData("2h", 7200)]
    [InlineData("3d", 259200)]
    [InlineData("1w", 604800)]
    [InlineData("1h30m", 5400)]
    [InlineData(" 2H ", 7200)]
    public void Parses_units_and_combinations(string text, int seconds)
    {
        Assert.True(Durations.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("h")]
    [InlineData("2")]
    [InlineData("2x")]
    [InlineData("-2h")]
    [InlineData("400d")]
    [InlineData("9999999h")]
    public void Rejects_what_is_not_a_duration(string text) => Assert.False(Durations.TryParse(text, out _));

    [Theory]
    [InlineData(0, "0")]
    [InlineData(604800, "7d")]
    [InlineData(5400, "1h30m")]
    [InlineData(45, "45s")]
    public void Formats_in_the_shortest_exact_form(int seconds, string expected) =>
        Assert.Equal(expected, Durations.Format(TimeSpan.FromSeconds(seconds)));
}
