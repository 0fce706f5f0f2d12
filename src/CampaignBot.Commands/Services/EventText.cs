using CampaignBot.Core.Domain;
using CampaignBot.Core.Results;
using CampaignBot.Core.Time;

namespace CampaignBot.Commands.Services;

/// <summary>How events read in replies, shared by every command that shows one.</summary>
public static class EventText
{
    public static string Heading(CampaignEvent e) => $"#{e.Id} {e.Title}";

    public static Fragment[] ListLine(CampaignEvent e, RsvpCounts counts, DateTimeOffset now) =>
    [
        $"#{e.Id} · {EventKinds.Name(e.Kind)} · ",
        EventDurations.IsHappening(e, now) ? "HAPPENING NOW until " : string.Empty,
        EventDurations.IsHappening(e, now) ? new TimeFragment(EventDurations.EndOf(e), e.TimeZoneId) : new TimeFragment(e.Start, e.TimeZoneId),
        $" · {e.Title}{(e.Location is null ? string.Empty : $" · {e.Location}")} · {counts.Going} going",
        e.IsCancelled ? " · CANCELLED" : string.Empty,
    ];

    public static ReplyBuilder Details(ReplyBuilder reply, CampaignEvent e, RsvpCounts counts, DateTimeOffset now)
    {
        reply.Line($"{Capitalise(EventKinds.Name(e.Kind))}{(e.IsCancelled ? " — CANCELLED" : string.Empty)}")
            .Line("Starts: ", new TimeFragment(e.Start, e.TimeZoneId, Relative: true))
            .Line(EndLine(e))
            .LineIf(EventDurations.IsHappening(e, now), "Happening now.")
            .LineIf(e.IsCancelled && e.CancelReason is not null, $"Reason: {e.CancelReason}")
            .LineIf(e.Location is not null, $"Where: {e.Location}")
            .LineIf(e.Description is not null, $"About: {e.Description}")
            .LineIf(e.Link is not null, $"Link: {e.Link}")
            .LineIf(e.Hashtags.Count > 0, $"Hashtags: {string.Join(' ', e.Hashtags.Select(tag => $"#{tag}"))}")
            .Line($"Reminders: {Reminders(e, now)}")
            .Line($"RSVPs: {Counts(counts)}");
        return reply;
    }

    /// <summary>
    /// Everything about one action with its RSVP counts: <c>event info</c>'s answer and the event card posted to
    /// channels, with buttons where the platform has them (closed once it is cancelled or has started).
    /// </summary>
    public static Reply Card(CampaignEvent e, RsvpCounts counts, DateTimeOffset now)
    {
        var closed = e.IsCancelled || e.Start <= now;
        return Details(new ReplyBuilder(Heading(e)), e, counts, now)
            .LineIf(!closed, $"RSVP: rsvp {e.Id} going · Reminder: remind {e.Id} before:2h")
            .Build() with { Actions = new ReplyActions(e.Id, e.Link, closed) };
    }

    /// <summary>"Ends: … (3h)"; an action stored without an end shows its kind's default length.</summary>
    public static Fragment[] EndLine(CampaignEvent e)
    {
        var end = EventDurations.EndOf(e);
        return ["Ends: ", new TimeFragment(end, e.TimeZoneId), $" ({Durations.Format(end - e.Start)})"];
    }

    public static string Counts(RsvpCounts counts) => $"{counts.Going} going · {counts.Maybe} maybe · {counts.NotGoing} not going";

    /// <summary>"7d, 1d, 2h before and at the start", noting offsets whose time has already passed.</summary>
    public static string Reminders(CampaignEvent e, DateTimeOffset now)
    {
        if (e.Reminders.Offsets.Count == 0)
        {
            return "none";
        }

        var parts = e.Reminders.Offsets.Select(offset =>
        {
            var text = offset == TimeSpan.Zero ? "at the start" : $"{Durations.Format(offset)} before";
            return ReminderTimes.Due(e.Start, offset, e.TimeZoneId) <= now ? $"{text} (passed)" : text;
        });
        return string.Join(", ", parts);
    }

    private static string Capitalise(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
