using System.Globalization;
using System.Text.RegularExpressions;
using CampaignBot.Core.Results;

namespace CampaignBot.Core.Time;

/// <summary>
/// Reads the <c>when</c> of a command: <c>YYYY-MM-DD HH:MM</c> in a zone, ISO-8601 with an offset,
/// <c>in 45s|10m|2h|3d</c>, or <c>today|tomorrow|&lt;weekday&gt; HH:MM</c>.
/// Local times that fall in a daylight-saving gap are refused; ambiguous ones take the first occurrence.
/// </summary>
public static partial class WhenParser
{
    public const string Formats =
        "Type YYYY-MM-DD HH:MM (e.g. 2026-12-05 12:00), an ISO time with offset (2026-12-05T12:00+00:00), " +
        "in 45s / in 10m / in 2h / in 3d, or today 18:00 / tomorrow 09:30 / saturday 12:00.";

    private static readonly string[] LocalFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss"];

    public static Result<DateTimeOffset> Parse(string? input, string timeZoneId, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return Error.BadInput("A time is needed.", Formats);
        }

        var text = WhitespaceRun().Replace(input.Trim(), " ");
        if (text.Length > 64)
        {
            return Unreadable(text[..64] + "…");
        }

        if (!Zones.TryResolve(timeZoneId, out var zone))
        {
            return Error.BadInput($"Unknown time zone \"{timeZoneId}\".", "Use an IANA name such as Europe/London or America/New_York.");
        }

        if (text.StartsWith("in ", StringComparison.OrdinalIgnoreCase))
        {
            return Durations.TryParse(text[3..], out var delay) && delay > TimeSpan.Zero
                ? TimeRange.Add(now, delay)
                : Error.BadInput($"Couldn't read the delay in \"{text}\".", "Type in 45s, in 10m, in 2h or in 3d.");
        }

        // A year outside the range is answered as such, before the parsers (which would call it unreadable, or overflow
        // converting it to UTC).
        if (LeadingYear().Match(text) is { Success: true } year && int.Parse(year.Groups[1].Value, CultureInfo.InvariantCulture) is var y and (< 1900 or > 2999))
        {
            return TimeRange.Check(y < 1900 ? DateTimeOffset.MinValue : DateTimeOffset.MaxValue);
        }

        if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var withOffset))
        {
            return TimeRange.Check(withOffset.ToUniversalTime());
        }

        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return FromLocal(local, zone);
        }

        var relative = DayAndTime().Match(text);
        if (relative.Success)
        {
            return FromDayAndTime(relative.Groups["day"].Value, relative.Groups["time"].Value, zone, now);
        }

        return Unreadable(text);
    }

    /// <summary>Turns a wall-clock time in <paramref name="zone"/> into an instant, refusing times that don't exist there.</summary>
    public static Result<DateTimeOffset> FromLocal(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (!TimeRange.CheckLocal(local).TryGet(out _, out var outOfRange))
        {
            return outOfRange;
        }

        if (zone.IsInvalidTime(local))
        {
            return Error.BadInput(
                $"{local:yyyy-MM-dd HH:mm} does not exist in {zone.Id}: the clocks go forward then.",
                "Pick a time an hour later or earlier.");
        }

        // An hour that happens twice (clocks going back) means its first occurrence, as people expect.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return TimeRange.Check(new DateTimeOffset(local, offset).ToUniversalTime());
    }

    private static Result<DateTimeOffset> FromDayAndTime(string day, string time, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (!TimeOnly.TryParseExact(time, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
        {
            return Unreadable($"{day} {time}");
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        DateOnly date;
        switch (day.ToLowerInvariant())
        {
            case "today":
                date = today;
                break;
            case "tomorrow":
                date = today.AddDays(1);
                break;
            default:
                if (!TryParseWeekday(day, out var weekday))
                {
                    return Unreadable($"{day} {time}");
                }

                var ahead = ((int)weekday - (int)today.DayOfWeek + 7) % 7;
                date = today.AddDays(ahead);
                if (ahead == 0 && date.ToDateTime(clock) <= TimeZoneInfo.ConvertTime(now, zone).DateTime)
                {
                    date = date.AddDays(7);
                }

                break;
        }

        return FromLocal(date.ToDateTime(clock), zone);
    }

    private static bool TryParseWeekday(string text, out DayOfWeek weekday)
    {
        foreach (var candidate in Enum.GetValues<DayOfWeek>())
        {
            var name = candidate.ToString();
            if (text.Length >= 3 && name.StartsWith(text, StringComparison.OrdinalIgnoreCase))
            {
                weekday = candidate;
                return true;
            }
        }

        weekday = default;
        return false;
    }

    private static Error Unreadable(string text) => Error.BadInput($"Couldn't read the time \"{text}\".", Formats);

    [GeneratedRegex(@"^(\d{4,9})-\d")]
    private static partial Regex LeadingYear();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();

    [GeneratedRegex(@"^(?<day>[A-Za-z]+)(?:\s+at)?\s+(?<time>\d{1,2}:\d{2})$")]
    private static partial Regex DayAndTime();
}
