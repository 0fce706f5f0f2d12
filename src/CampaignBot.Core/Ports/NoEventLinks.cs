namespace CampaignBot.Core.Ports;

/// <summary>The links of a bot without a web surface: none, so replies carry no addresses nobody can reach.</summary>
public sealed class NoEventLinks : IEventLinks
{
    public Uri? Page(long eventId) => null;

    public Uri? Calendar(long eventId) => null;
}
