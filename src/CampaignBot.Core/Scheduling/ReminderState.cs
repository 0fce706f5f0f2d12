namespace CampaignBot.Core.Scheduling;

/// <summary>Where a reminder is in its life. Only <see cref="Pending"/> and <see cref="Claimed"/> are unfinished.</summary>
public enum ReminderState
{
    Pending,
    Claimed,
    Sent,
    Late,
    Missed,
    Failed,
    Cancelled,
}
