namespace CampaignBot.Core.Domain;

/// <summary>Lifecycle of an event. Cancelled events are kept so RSVPs and history stay readable.</summary>
public enum EventStatus
{
    Scheduled,
    Cancelled,
}
