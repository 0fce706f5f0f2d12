using CampaignBot.Core.Results;

namespace CampaignBot.Core.Time;

/// <summary>
/// The span of time the bot works in: the years 1900 to 2999, well inside what <see cref="DateTimeOffset"/> can hold
/// in any zone and after any offset or duration a command allows (a year at most). Every time a user types is checked
/// against it before any arithmetic, so an extreme time gets a clear "too far in the past/future" instead of an
/// overflow; <see cref="Add"/> is the checked way to move an instant (a start plus a duration, say).
/// </summary>
public static class TimeRange
{
    /// <summary>The earliest instant accepted: 1 January 1900, 00:00 UTC.</summary>
    public static readonly DateTimeOffset Earliest = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The latest instant accepted: the end of 31 December 2999, UTC.</summary>
    public static readonly DateTimeOffset Latest = new DateTimeOffset(3000, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(-1);

    private const string Hint = "Type a date between the years 1900 and 2999, e.g. 2026-12-05 12:00.";

    /// <summary>The instant itself when it lies within the range, else a clear error naming which end it is past.</summary>
    public static Result<DateTimeOffset> Check(DateTimeOffset instant) =>
        instant < Earliest ? TooEarly()
        : instant > Latest ? TooLate()
        : instant;

    /// <summary>
    /// Checks a wall-clock time before it is turned into an instant: a zone's offset (up to 14 hours either way) can't
    /// carry a time inside the range out of what <see cref="DateTimeOffset"/> holds.
    /// </summary>
    public static Result<DateTime> CheckLocal(DateTime local) =>
        local < Earliest.UtcDateTime ? TooEarly()
        : local > Latest.UtcDateTime ? TooLate()
        : local;

    /// <summary>
    /// <paramref name="instant"/> moved by <paramref name="delta"/> (either sign), checked: an error instead of an
    /// overflow, for an instant or a result outside the range.
    /// </summary>
    public static Result<DateTimeOffset> Add(DateTimeOffset instant, TimeSpan delta)
    {
        if (!Check(instant).TryGet(out _, out var error))
        {
            return error;
        }

        // Both lie within a few thousand years of each other, so comparing ticks can't overflow; adding could.
        return delta >= TimeSpan.Zero
            ? (delta > Latest - instant ? TooLate() : instant + delta)
            : (delta < Earliest - instant ? TooEarly() : instant + delta);
    }

    private static Error TooEarly() => Error.BadInput("That time is too far in the past (before the year 1900).", Hint);

    private static Error TooLate() => Error.BadInput("That time is too far in the future (after the year 2999).", Hint);
}
