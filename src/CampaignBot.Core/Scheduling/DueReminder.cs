namespace CampaignBot.Core.Scheduling;

/// <summary>
/// A reminder claimed for delivery. <see cref="PersonalReminderId"/> is 0 for an event's own reminder (to the
/// channels subscribed to its kind), else the personal reminder it delivers. <see cref="Attempts"/> counts this one.
/// </summary>
public sealed record DueReminder(long Id, long EventId, long PersonalReminderId, TimeSpan Offset, DateTimeOffset Due, int Attempts)
{
    public bool IsPersonal => PersonalReminderId != 0;

    /// <summary>Identifies the message on every platform: the delivery log and idempotency keys derive from it.</summary>
    public string MessageKey => $"reminder:{Id}";
}
