using CampaignBot.Core.Domain;
using CampaignBot.Core.Scheduling;

namespace CampaignBot.Core.Tests;

public sealed class EventRemindersTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 12, 0, 0, TimeSpan.Zero);

    // Sunday 29 March 2026, 12:00 in London: the clocks went forward at 01:00 that morning (BST, UTC+1).
    private static readonly DateTimeOffset AfterSpring = new(2026, 3, 29, 11, 0, 0, TimeSpan.Zero);

    private static CampaignEvent Event(DateTimeOffset start, params TimeSpan[] offsets) => new()
    {
        Id = 7,
        Kind = EventKind.March,
        Title = "March",
        Start = start,
        TimeZoneId = "Europe/London",
        Reminders = new ReminderPlan(offsets),
        CreatedBy = new Person(Platform.Shell, "me", "me"),
        CreatedAt = Now,
    };

    [Fact]
    public void A_new_event_owes_one_channel_reminder_per_offset_still_ahead_on_its_wall_clock()
    {
        var e = Event(AfterSpring, TimeSpan.FromDays(14), TimeSpan.FromDays(1), TimeSpan.FromHours(2), TimeSpan.Zero);

        var planned = EventReminders.ForNewEvent(e, Now).ToArray();

        // "1d" is 12:00 the day before on London's clock (GMT then), so 23 hours before, not 24; 14 days is past.
        Assert.Equal(
            [
                new PlannedReminder(7, 0, TimeSpan.FromDays(1), new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero)),
                new PlannedReminder(7, 0, TimeSpan.FromHours(2), AfterSpring.AddHours(-2)),
                new PlannedReminder(7, 0, TimeSpan.Zero, AfterSpring),
            ],
            planned);
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero), EventReminders.Earliest(e, Now));
    }

    [Fact]
    public void A_cancelled_event_or_one_whose_reminders_have_all_passed_owes_none()
    {
        var cancelled = Event(AfterSpring, TimeSpan.Zero) with { Status = EventStatus.Cancelled };
        var started = Event(Now.AddMinutes(-1), TimeSpan.Zero);

        Assert.Empty(EventReminders.ForNewEvent(cancelled, Now));
        Assert.Null(EventReminders.Earliest(started, Now));
    }

    [Fact]
    public void A_persons_reminder_is_placed_by_the_same_rule() =>
        Assert.Equal(
            new PlannedReminder(7, 3, TimeSpan.FromDays(1), new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero)),
            EventReminders.Place(Event(AfterSpring), 3, TimeSpan.FromDays(1)));
}
