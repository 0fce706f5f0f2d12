using CampaignBot.Core.Campaign;
using CampaignBot.Core.Ports;
using CampaignBot.Core.Scheduling;
using CampaignBot.Core.Time;

namespace CampaignBot.Scheduling;

/// <summary>The reminders section of <c>status</c>; the next fire time reads in the campaign's zone.</summary>
public sealed class ReminderStatus(IReminderQueue queue, CampaignState campaign, TimeProvider clock) : IStatusSource
{
    public string Section => "Reminders";

    public async Task<IReadOnlyList<string>> DescribeAsync(CancellationToken cancellationToken)
    {
        var stats = await queue.StatsAsync(cancellationToken).ConfigureAwait(false);
        var next = "none pending";
        if (stats.NextFire is { } at)
        {
            var zone = await campaign.TimeZoneAsync(cancellationToken).ConfigureAwait(false);
            next = $"next {TimeText.Format(at, zone)} ({TimeText.Relative(at, clock.GetUtcNow())})";
        }

        return
        [
            $"{stats[ReminderState.Pending] + stats[ReminderState.Claimed]} pending · {stats[ReminderState.Sent]} sent · {stats[ReminderState.Late]} late · {stats[ReminderState.Missed]} missed · {stats[ReminderState.Failed]} failed · {next}",
        ];
    }
}
