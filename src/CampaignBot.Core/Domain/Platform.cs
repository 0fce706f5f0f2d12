namespace CampaignBot.Core.Domain;

/// <summary>Where a person or a destination lives.</summary>
public enum Platform
{
    Shell,
    Discord,
    Mastodon,
}
