namespace CampaignBot.Core.Domain;

/// <summary>A place messages can be posted: a Discord channel, the bot's Mastodon timeline, the terminal.</summary>
public sealed record Destination(Platform Platform, string Id, string? Name = null)
{
    public override string ToString() => Name is { Length: > 0 } ? $"{Platform.ToString().ToLowerInvariant()}:{Name}" : $"{Platform.ToString().ToLowerInvariant()}:{Id}";
}
