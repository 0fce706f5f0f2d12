namespace CampaignBot.Core.Scheduling;

/// <summary>Told by the store when a reminder now fires at <c>fireAt</c>, so the dispatcher can wake by then.</summary>
public interface IReminderWakeup
{
    void Wake(DateTimeOffset fireAt);
}
