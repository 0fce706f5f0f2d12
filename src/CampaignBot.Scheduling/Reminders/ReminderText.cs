using CampaignBot.Core.Domain;
using CampaignBot.Core.Results;
using CampaignBot.Core.Time;

namespace CampaignBot.Scheduling.Reminders;

/// <summary>What a reminder says: what, when (in the event's zone), where, who is coming, and the hashtags.</summary>
public static class ReminderText
{
    public static Reply Compose(CampaignEvent e, TimeSpan offset, bool personal, RsvpCounts counts, IReadOnlyList<string> campaignHashtags, bool late)
    {
        var when = offset == TimeSpan.Zero ? "starts now" : $"starts in {Durations.Format(offset)}";
        var title = personal ? $"Your reminder: {e.Title} {when}" : $"Reminder: {e.Title} {when}";
        var reply = new ReplyBuilder(title)
            .Line($"{Capitalise(EventKinds.Name(e.Kind))} · ", new TimeFragment(e.Start, e.TimeZoneId, Relative: true))
            .LineIf(late, "(Sent late: the bot was offline at the planned time.)")
            .LineIf(e.Location is not null, $"Where: {e.Location}")
            .LineIf(e.Link is not null, $"Details: {e.Link}")
            .Line($"{counts.Going} going · {counts.Maybe} maybe — rsvp {e.Id} going");
        var tags = e.Hashtags.Concat(campaignHashtags).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var built = reply.LineIf(tags.Length > 0, string.Join(' ', tags.Select(tag => $"#{tag}"))).Build(isPrivate: personal);

        // Channel reminders carry the card's RSVP buttons where the platform has them; at the start RSVPs are closed.
        return personal ? built : built with { Actions = new ReplyActions(e.Id, e.Link, Closed: offset == TimeSpan.Zero) };
    }

    private static string Capitalise(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
