using CampaignBot.Core.Results;
using CampaignBot.Core.Scheduling;
using CampaignBot.Scheduling.Delivery;

namespace CampaignBot.Scheduling.Reminders;

/// <summary>
/// One reminder's sends, prepared before its instant. The text is composed when the batch is prepared; it is composed
/// again at the instant only if being late or not has changed since (rare), so the sends at a busy instant do no text
/// work.
/// </summary>
internal sealed record SendPlan(DueReminder Reminder, PreparedDelivery Delivery, Func<bool, Reply> Compose, bool PreparedLate)
{
    public PreparedDelivery DeliveryFor(bool late) => late == PreparedLate ? Delivery : Delivery with { Content = Compose(late) };
}
