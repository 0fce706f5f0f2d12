namespace CampaignBot.Core.Time;

/// <summary>
/// When a reminder <c>offset</c> before an event goes out. Whole days count on the event's wall clock, so "1d" before
/// 12:00 is 12:00 the day before even across a daylight-saving change; shorter offsets are exact durations.
/// </summary>
public static class ReminderTimes
{
    public static DateTimeOffset Due(DateTimeOffset start, TimeSpan offset, string timeZoneId)
    {
        if (offset <= TimeSpan.Zero || offset.Ticks % TimeSpan.TicksPerDay != 0 || !Zones.TryResolve(timeZoneId, out var zone))
        {
            return start - offset;
        }

        var local = TimeZoneInfo.ConvertTime(start, zone).DateTime.AddDays(-offset.Days);

        // The same wall-clock time may not exist that day (clocks went forward): fall back to the exact duration.
        return WhenParser.FromLocal(local, zone).TryGet(out var due, out _) ? due : start - offset;
    }
}
