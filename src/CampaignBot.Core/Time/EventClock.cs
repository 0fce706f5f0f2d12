namespace CampaignBot.Core.Time;

/// <summary>
/// One event's start on its own wall clock, for placing several reminders before it (see <see cref="ReminderTimes"/>):
/// the zone is resolved and the start converted once, at the first whole-day offset, not once per reminder, which is
/// most of a bulk schedule's reminder planning.
/// </summary>
public sealed class EventClock(DateTimeOffset start, string timeZoneId)
{
    private bool _resolved;
    private TimeZoneInfo? _zone;
    private DateTime _localStart;

    public DateTimeOffset Before(TimeSpan offset)
    {
        if (offset <= TimeSpan.Zero || offset.Ticks % TimeSpan.TicksPerDay != 0 || Zone() is not { } zone)
        {
            return start - offset;
        }

        // The same wall-clock time may not exist that day (clocks went forward): fall back to the exact duration.
        return WhenParser.FromLocal(_localStart.AddDays(-offset.Days), zone).TryGet(out var due, out _) ? due : start - offset;
    }

    private TimeZoneInfo? Zone()
    {
        if (!_resolved)
        {
            _resolved = true;
            if (Zones.TryResolve(timeZoneId, out var zone))
            {
                _zone = zone;
                _localStart = TimeZoneInfo.ConvertTime(start, zone).DateTime;
            }
        }

        return _zone;
    }
}
