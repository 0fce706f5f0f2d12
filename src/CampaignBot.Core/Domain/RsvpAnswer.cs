namespace CampaignBot.Core.Domain;

/// <summary>A person's answer to an event. Typed as <c>going</c>, <c>maybe</c>, <c>not-going</c>.</summary>
public enum RsvpAnswer
{
    Going,
    Maybe,
    NotGoing,
}
