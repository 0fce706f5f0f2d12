using CampaignBot.Core.Ports;
using CampaignBot.Core.Scheduling;
using CampaignBot.Core.Time;

namespace CampaignBot.Scheduling;

/// <summary>The reminders section of <c>status</c>.</summary>
public sealed class ReminderStatus(IReminderQueue queue, TimeProvider clock) : IStatusSource
{
    public string Section => "Reminders";

    public async Task<IReadOnlyList<string>> DescribeAsync(CancellationToken cancellationToken)
    {
        var stats = await queue.StatsAsync(cancellationToken).ConfigureAwait(false);
        var next = stats.NextFire is { } at ? $"next {TimeText.Format(at, "UTC")} ({TimeText.Relative(at, clock.GetUtcNow())})" : "none pending";
        return
        [
            $"{stats[ReminderState.Pending] + stats[ReminderState.Claimed]} pending · {stats[ReminderState.Sent]} sent · {stats[ReminderState.Late]} late · {stats[ReminderState.Missed]} missed · {stats[ReminderState.Failed]} failed · {next}",
        ];
    }
}
