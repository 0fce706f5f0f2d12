namespace CampaignBot.Core.Domain;

/// <summary>What kind of action an event is. Names are the words users type.</summary>
public enum EventKind
{
    March,
    Strike,
    Rally,
    Picket,
    Online,
    Meeting,
}
