namespace CampaignBot.Core.Ports;

/// <summary>
/// Told when an action's RSVP counts changed other than by a command (a member took back "Interested" in Discord's
/// Events tab), so what shows the counts (the event cards) follows as it does after <c>rsvp</c>.
/// </summary>
public interface IRsvpCountsChanged
{
    void Changed(long eventId);
}
