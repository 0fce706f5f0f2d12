using System.Globalization;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Domain;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Results;
using CampaignBot.Core.Scheduling;

namespace CampaignBot.Scheduling.Digest;

/// <summary>The daily digest: each tracked hashtag's last 24 hours against the 24 before, and the next actions.</summary>
public sealed class DigestComposer(ICampaignStore store, IHashtagCounts counts, CampaignState campaign)
{
    private const int NextActions = 3;

    public async Task<Reply> ComposeAsync(DateOnly day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var name = await campaign.NameAsync(cancellationToken).ConfigureAwait(false);
        var reply = new ReplyBuilder($"Daily digest — {name}, {day.ToString("ddd dd MMM yyyy", CultureInfo.InvariantCulture)}");
        var tags = await campaign.HashtagsAsync(cancellationToken).ConfigureAwait(false);
        if (tags.Count > 0)
        {
            reply.Line("Hashtag momentum, last 24 hours (the 24 before):");
            foreach (var tag in tags)
            {
                var today = (await counts.HourlyAsync(tag, now.AddDays(-1), now, cancellationToken).ConfigureAwait(false)).Sum(c => c.Mentions);
                var before = (await counts.HourlyAsync(tag, now.AddDays(-2), now.AddDays(-1), cancellationToken).ConfigureAwait(false)).Sum(c => c.Mentions);
                reply.Line($"  #{tag}: {today.ToString("N0", CultureInfo.InvariantCulture)} ({before.ToString("N0", CultureInfo.InvariantCulture)}){Arrow(today, before)}");
            }
        }

        var upcoming = await store.ListEventsAsync(new EventQuery(now, Limit: NextActions), cancellationToken).ConfigureAwait(false);
        if (upcoming.Count == 0)
        {
            return reply.Line("No actions planned yet.").Build();
        }

        var going = await store.GetRsvpCountsAsync(upcoming.Select(e => e.Id).ToArray(), cancellationToken).ConfigureAwait(false);
        reply.Line("Next actions:");
        foreach (var e in upcoming)
        {
            reply.Line($"  #{e.Id} {e.Title} · ", new TimeFragment(e.Start, e.TimeZoneId, Relative: true), $" · {going.GetValueOrDefault(e.Id, RsvpCounts.Empty).Going} going");
        }

        return reply.Build();
    }

    private static string Arrow(int today, int before) => today > before ? " ▲" : today < before ? " ▼" : string.Empty;
}
