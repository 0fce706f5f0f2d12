using CampaignBot.Core.Domain;
using CampaignBot.Core.Time;

namespace CampaignBot.Core.Scheduling;

/// <summary>
/// The reminders an event implies, by the domain's rules: one per offset of its plan and one per personal reminder,
/// each due per <see cref="ReminderTimes"/>. A cancelled event owes none, and a reminder whose time has already passed
/// is not owed (the store keeps one that was already late and whose time an edit didn't change). The store persists
/// what this says in the transaction that changes the event.
/// </summary>
public static class EventReminders
{
    /// <summary>The reminders a newly created event owes at <paramref name="now"/>, largest offset first.</summary>
    public static IReadOnlyList<PlannedReminder> ForNewEvent(CampaignEvent e, DateTimeOffset now)
    {
        var offsets = e.Reminders.Offsets;
        if (e.IsCancelled || offsets.Count == 0)
        {
            return [];
        }

        var clock = new EventClock(e.Start, e.TimeZoneId);
        var owed = new List<PlannedReminder>(offsets.Count);
        foreach (var offset in offsets)
        {
            var due = clock.Before(offset);
            if (due > now)
            {
                owed.Add(new PlannedReminder(e.Id, 0, offset, due));
            }
        }

        return owed;
    }

    /// <summary>The earliest reminder a newly created event owes, for waking the dispatcher by then.</summary>
    public static DateTimeOffset? Earliest(CampaignEvent e, DateTimeOffset now) =>
        ForNewEvent(e, now).Select(reminder => (DateTimeOffset?)reminder.Due).Min();

    /// <summary>One reminder of the event as it now is: <paramref name="offset"/> before its start.</summary>
    public static PlannedReminder Place(CampaignEvent e, long personalReminderId, TimeSpan offset) =>
        new(e.Id, personalReminderId, offset, ReminderTimes.Due(e.Start, offset, e.TimeZoneId));
}
