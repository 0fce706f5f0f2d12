namespace CampaignBot.Core.Domain;

/// <summary>A person on one platform. The pair (platform, id) is the identity; the display name is for humans.</summary>
public sealed record Person(Platform Platform, string Id, string DisplayName);
