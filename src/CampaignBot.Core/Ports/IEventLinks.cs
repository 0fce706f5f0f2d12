namespace CampaignBot.Core.Ports;

/// <summary>Public web addresses of an action, for links the bot posts; null when <c>Web:PublicUrl</c> is not set.</summary>
public interface IEventLinks
{
    /// <summary>The action's page, e.g. <c>https://campaign.example.org/events/3</c>.</summary>
    Uri? Page(long eventId);

    /// <summary>The action's calendar file, e.g. <c>https://campaign.example.org/events/3.ics</c>.</summary>
    Uri? Calendar(long eventId);
}
