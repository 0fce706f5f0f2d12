namespace CampaignBot.Core.Time;

/// <summary>
/// When a reminder <c>offset</c> before an event goes out. Whole days count on the event's wall clock, so "1d" before
/// 12:00 is 12:00 the day before even across a daylight-saving change; shorter offsets are exact durations.
/// </summary>
public static class ReminderTimes
{
    public static DateTimeOffset Due(DateTimeOffset start, TimeSpan offset, string timeZoneId) =>
        new EventClock(start, timeZoneId).Before(offset);
}
