using CampaignBot.Core.Time;

namespace CampaignBot.Core.Tests;

public sealed class EventClockTests
{
    // Sunday 5 April 2026, 01:30 in London (BST, UTC+1). A week earlier, 01:30 on 29 March, never happened there: the
    // clocks went from 01:00 straight to 02:00.
    private static readonly DateTimeOffset Start = new(2026, 4, 5, 0, 30, 0, TimeSpan.Zero);

    [Fact]
    public void One_clock_places_every_offset_of_an_event_as_each_placed_alone_would()
    {
        var clock = new EventClock(Start, "Europe/London");
        TimeSpan[] offsets = [TimeSpan.FromDays(14), TimeSpan.FromDays(7), TimeSpan.FromDays(1), TimeSpan.FromHours(2), TimeSpan.Zero];

        var placed = offsets.Select(clock.Before).ToArray();

        Assert.Equal(offsets.Select(offset => ReminderTimes.Due(Start, offset, "Europe/London")), placed);
        // 14 days before is 01:30 GMT on 22 March; 7 days before falls in the skipped hour, so exactly 7 × 24 hours.
        Assert.Equal(new DateTimeOffset(2026, 3, 22, 1, 30, 0, TimeSpan.Zero), placed[0]);
        Assert.Equal(Start - TimeSpan.FromDays(7), placed[1]);
        Assert.Equal(new DateTimeOffset(2026, 4, 4, 0, 30, 0, TimeSpan.Zero), placed[2]);
    }

    [Fact]
    public void An_unknown_zone_places_whole_days_as_exact_durations() =>
        Assert.Equal(Start - TimeSpan.FromDays(1), new EventClock(Start, "Nowhere/Atlantis").Before(TimeSpan.FromDays(1)));
}
