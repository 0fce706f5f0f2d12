using CampaignBot.Core.Time;

namespace CampaignBot.Core.Tests;

public sealed class TimeTextTests
{
    [Fact]
    public void Shows_the_wall_clock_time_with_zone_and_offset()
    {
        var summer = new DateTimeOffset(2027, 6, 5, 11, 0, 0, TimeSpan.Zero);

        Assert.Equal("Sat 05 Jun 2027 12:00 Europe/London (UTC+01:00)", TimeText.Format(summer, "Europe/London"));
    }

    [Theory]
    [InlineData(0, "now")]
    [InlineData(80, "in 1 minute")]
    [InlineData(-7200, "2 hours ago")]
    [InlineData(259200, "in 3 days")]
    [InlineData(119.9, "in 2 minutes")]
    [InlineData(59.7, "in 1 minute")]
    [InlineData(10799.5, "in 3 hours")]
    [InlineData(259199.2, "in 3 days")]
    public void Relative_times_read_naturally_to_the_nearest_unit(double seconds, string expected)
    {
        var now = DateTimeOffset.UnixEpoch;

        Assert.Equal(expected, TimeText.Relative(now.AddSeconds(seconds), now));
    }

    [Fact]
    public void Zones_resolve_case_insensitively_and_search_by_city()
    {
        Assert.True(Zones.TryResolve("europe/london", out var zone));
        Assert.Equal("Europe/London", zone.Id);
        Assert.Contains("Europe/London", Zones.Search("lond", 5));
    }
}
