using System.Globalization;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Time;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace CampaignBot.Web.Calendar;

/// <summary>
/// Writes actions as RFC 5545: one VEVENT per action with a UID that never changes, SEQUENCE from the action's
/// revision, DTSTAMP and LAST-MODIFIED from its last change (so an unchanged feed is byte-for-byte the same), times
/// in the action's zone with a VTIMEZONE for each zone used. Cancelled actions stay, marked CANCELLED, so calendars
/// that already have them update instead of keeping a stale entry.
/// </summary>
internal static class CalendarWriter
{
    public static byte[] Write(string name, string calendarId, IReadOnlyList<CampaignEvent> events, PublicLinks links)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//CampaignBot//Campaign calendar//EN" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("CALSCALE", "GREGORIAN");
        // Zones are checked when typed; one the system no longer knows is written in UTC rather than failing the feed.
        events = [.. events.Select(e => Zones.TryResolve(e.TimeZoneId, out var known) ? e with { TimeZoneId = known.Id } : e with { TimeZoneId = "UTC" })];
        foreach (var zone in events.GroupBy(e => e.TimeZoneId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var earliest = zone.Min(e => e.Start).UtcDateTime.AddDays(-1);
            calendar.AddTimeZone(zone.Key, DateTime.SpecifyKind(earliest, DateTimeKind.Unspecified), includeHistoricalData: false);
        }

        foreach (var e in events)
        {
            calendar.Events.Add(ToVEvent(e, calendarId, links));
        }

        return LineFolding.ToUtf8(new CalendarSerializer().SerializeToString(calendar) ?? string.Empty);
    }

    public static string Uid(long eventId, string calendarId) =>
        string.Create(CultureInfo.InvariantCulture, $"event-{eventId}-{calendarId}@campaignbot");

    private static CalendarEvent ToVEvent(CampaignEvent e, string calendarId, PublicLinks links)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(e.TimeZoneId);
        var changed = Utc(e.LastModified);
        var vevent = new CalendarEvent
        {
            Uid = Uid(e.Id, calendarId),
            Summary = e.IsCancelled ? $"Cancelled: {e.Title}" : e.Title,
            DtStart = Local(e.Start, zone, e.TimeZoneId),
            DtEnd = Local(EventDurations.EndOf(e), zone, e.TimeZoneId),
            Location = e.Location,
            Description = Description(e),
            Status = e.IsCancelled ? "CANCELLED" : "CONFIRMED",
            Sequence = e.Revision,
            DtStamp = changed,
            LastModified = changed,
            Created = Utc(e.CreatedAt),
            // Only web links: calendar apps make URL clickable, and a stored link could be any scheme.
            Url = links.Page(e.Id) ?? (Uri.TryCreate(e.Link, UriKind.Absolute, out var link) && link.Scheme is "https" or "http" ? link : null),
        };
        vevent.Categories.Add(EventKinds.Name(e.Kind));
        return vevent;
    }

    private static string? Description(CampaignEvent e)
    {
        var parts = new List<string>();
        if (e.IsCancelled)
        {
            parts.Add(e.CancelReason is { Length: > 0 } reason ? $"Cancelled: {reason}" : "Cancelled.");
        }

        if (e.Description is { Length: > 0 } description)
        {
            parts.Add(description);
        }

        if (e.Link is { Length: > 0 } more)
        {
            parts.Add(more);
        }

        if (e.Hashtags.Count > 0)
        {
            parts.Add(string.Join(' ', e.Hashtags.Select(tag => $"#{tag}")));
        }

        return parts.Count == 0 ? null : string.Join("\n\n", parts);
    }

    private static CalDateTime Local(DateTimeOffset instant, TimeZoneInfo zone, string zoneId) =>
        new(DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified), zoneId, true);

    private static CalDateTime Utc(DateTimeOffset instant) =>
        new(DateTime.SpecifyKind(instant.UtcDateTime, DateTimeKind.Utc), CalDateTime.UtcTzId, true);
}
