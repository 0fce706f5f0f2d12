using CampaignBot.Core.Time;

namespace CampaignBot.Core.Tests;

public sealed class WhenParserTests
{
    private const string London = "Europe/London";

    // A Tuesday, in GMT.
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-12-05 12:00", "2026-12-05T12:00:00Z")]
    [InlineData("2026-12-05T12:00", "2026-12-05T12:00:00Z")]
    [InlineData("2027-06-05 12:00", "2027-06-05T11:00:00Z")]
    [InlineData("2026-12-05T12:00+01:00", "2026-12-05T11:00:00Z")]
    [InlineData("2026-12-05T12:00:00Z", "2026-12-05T12:00:00Z")]
    [InlineData("in 45s", "2026-11-24T10:00:45Z")]
    [InlineData("in 10m", "2026-11-24T10:10:00Z")]
    [InlineData("in 2h", "2026-11-24T12:00:00Z")]
    [InlineData("in 3d", "2026-11-27T10:00:00Z")]
    [InlineData("today 18:00", "2026-11-24T18:00:00Z")]
    [InlineData("tomorrow 09:30", "2026-11-25T09:30:00Z")]
    [InlineData("saturday 12:00", "2026-11-28T12:00:00Z")]
    [InlineData("Sat 12:00", "2026-11-28T12:00:00Z")]
    [InlineData("tuesday 09:00", "2026-12-01T09:00:00Z")]
    [InlineData("tuesday 11:00", "2026-11-24T11:00:00Z")]
    public void Reads_every_documented_format(string input, string expected)
    {
        var result = WhenParser.Parse(input, London, Now);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Value);
    }

    [Fact]
    public void Reads_local_times_in_the_given_zone()
    {
        var result = WhenParser.Parse("2026-12-05 12:00", "America/New_York", Now);

        Assert.Equal(new DateTimeOffset(2026, 12, 5, 17, 0, 0, TimeSpan.Zero), result.Value);
    }

    [Theory]
    [InlineData("2025-13-45 99:99")]
    [InlineData("next week sometime")]
    [InlineData("someday 12:00")]
    [InlineData("tomorrow 25:00")]
    public void Unreadable_times_say_which_formats_work(string input)
    {
        var result = WhenParser.Parse(input, London, Now);

        Assert.False(result.IsSuccess);
        Assert.Contains("YYYY-MM-DD HH:MM", result.Error!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_delay_says_how_to_write_one()
    {
        var result = WhenParser.Parse("in forever", London, Now);

        Assert.False(result.IsSuccess);
        Assert.Contains("in 2h", result.Error!.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_zone_is_refused_with_an_example()
    {
        var result = WhenParser.Parse("2026-12-05 12:00", "Mars/Olympus", Now);

        Assert.False(result.IsSuccess);
        Assert.Contains("Europe/London", result.Error!.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_time_in_the_spring_forward_gap_is_refused()
    {
        // Clocks in London go from 01:00 GMT to 02:00 BST on the last Sunday of March 2027 (the 28th).
        var result = WhenParser.Parse("2027-03-28 01:30", London, Now);

        Assert.False(result.IsSuccess);
        Assert.Contains("does not exist", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ambiguous_fall_back_time_means_its_first_occurrence()
    {
        // 01:30 happens twice on 2026-10-25 (BST then GMT); the first one is 00:30 UTC. Now is before that.
        var result = WhenParser.Parse("2026-10-25 01:30", London, new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), result.Value);
    }

    [Fact]
    public void Times_either_side_of_a_clock_change_keep_their_wall_clock_hour()
    {
        var before = WhenParser.Parse("2027-03-27 12:00", London, Now).Value;
        var after = WhenParser.Parse("2027-03-28 12:00", London, Now).Value;

        Assert.Equal(TimeSpan.FromHours(23), after - before);
    }
}
