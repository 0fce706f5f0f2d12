using System.Globalization;
using CampaignBot.Core.Results;
using CampaignBot.Core.Time;

namespace CampaignBot.Core.Tests;

/// <summary>
/// Extreme times in extreme zones: every input gets a time inside the range or a clear "too far" error, and every
/// offset or duration applied to an accepted time stays representable. Random cases are seeded, so a failure repeats.
/// </summary>
public sealed class TimeRangeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    // The zones furthest east and west, one with a 45-minute offset, and ones with daylight saving.
    private static readonly string[] Zones =
        ["Pacific/Kiritimati", "Etc/GMT+12", "Pacific/Pago_Pago", "Asia/Kathmandu", "America/Los_Angeles", "Europe/London", "Australia/Lord_Howe", "UTC"];

    private static readonly int[] Years = [1, 2, 1000, 1899, 1900, 1901, 1970, 2026, 2998, 2999, 3000, 9998, 9999];

    private static readonly TimeSpan[] Offsets =
        [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromHours(2), TimeSpan.FromDays(1), TimeSpan.FromDays(7), Durations.Max];

    [Fact]
    public void Extreme_times_in_every_zone_are_accepted_within_range_or_refused_clearly()
    {
        var random = new Random(2016);
        var inputs = new List<string>();
        foreach (var year in Years)
        {
            var y = year.ToString("D4", CultureInfo.InvariantCulture);
            inputs.AddRange([$"{y}-01-01 00:00", $"{y}-12-31 23:59", $"{y}-01-01T00:00", $"{y}-12-31T23:59:59", $"{y}-01-01T00:00+14:00", $"{y}-12-31T23:59-12:00", $"{y}-12-31T23:59:59Z"]);
        }

        for (var i = 0; i < 400; i++)
        {
            var year = random.Next(1, 10000).ToString("D4", CultureInfo.InvariantCulture);
            inputs.Add($"{year}-{random.Next(1, 13):D2}-{random.Next(1, 29):D2} {random.Next(0, 24):D2}:{random.Next(0, 60):D2}");
            inputs.Add($"{year}-{random.Next(1, 13):D2}-{random.Next(1, 29):D2}T{random.Next(0, 24):D2}:{random.Next(0, 60):D2}{(random.Next(2) == 0 ? '+' : '-')}{random.Next(0, 15):D2}:00");
        }

        foreach (var zone in Zones)
        {
            foreach (var input in inputs)
            {
                var result = WhenParser.Parse(input, zone, Now);

                if (result.TryGet(out var instant, out var error))
                {
                    Assert.InRange(instant, TimeRange.Earliest, TimeRange.Latest);
                    foreach (var offset in Offsets)
                    {
                        // Reminder offsets and durations from an accepted time never overflow.
                        _ = ReminderTimes.Due(instant, offset, zone);
                        _ = TimeText.Format(instant, zone);
                        _ = TimeRange.Add(instant, offset);
                    }
                }
                else
                {
                    Assert.Equal(ErrorKind.BadInput, error.Kind);
                    var year = int.Parse(input[..4], CultureInfo.InvariantCulture);
                    if (year is < 1900 or > 2999)
                    {
                        Assert.Contains(year < 1900 ? "too far in the past" : "too far in the future", error.Message, StringComparison.Ordinal);
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData("0001-01-01 00:00", "Pacific/Kiritimati", "too far in the past")]
    [InlineData("9999-12-31 23:59", "America/Los_Angeles", "too far in the future")]
    [InlineData("9999-12-31T23:59-12:00", "UTC", "too far in the future")]
    [InlineData("0001-01-01T00:00+14:00", "UTC", "too far in the past")]
    [InlineData("3000-01-01 00:00", "Europe/London", "too far in the future")]
    public void The_ends_of_the_calendar_are_too_far_not_an_internal_error(string input, string zone, string expected)
    {
        var result = WhenParser.Parse(input, zone, Now);

        Assert.False(result.IsSuccess);
        Assert.Contains(expected, result.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("between the years 1900 and 2999", result.Error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_delay_from_a_time_near_the_end_of_the_range_is_refused_not_overflowed()
    {
        var nearTheEnd = TimeRange.Latest.AddDays(-1);

        var result = WhenParser.Parse("in 3d", "UTC", nearTheEnd);

        Assert.Contains("too far in the future", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Checked_addition_refuses_any_step_out_of_range_in_either_direction()
    {
        Assert.Equal(Now.AddDays(1), TimeRange.Add(Now, TimeSpan.FromDays(1)).Value);
        Assert.Equal(Now.AddDays(-1), TimeRange.Add(Now, TimeSpan.FromDays(-1)).Value);
        Assert.False(TimeRange.Add(Now, TimeSpan.MaxValue).IsSuccess);
        Assert.False(TimeRange.Add(Now, TimeSpan.MinValue).IsSuccess);
        Assert.False(TimeRange.Add(TimeRange.Latest, TimeSpan.FromTicks(1)).IsSuccess);
        Assert.False(TimeRange.Add(TimeRange.Earliest, TimeSpan.FromTicks(-1)).IsSuccess);
        Assert.False(TimeRange.Add(DateTimeOffset.MaxValue, TimeSpan.FromTicks(-1)).IsSuccess);
        Assert.Equal(TimeRange.Latest, TimeRange.Add(TimeRange.Latest, TimeSpan.Zero).Value);
    }
}
