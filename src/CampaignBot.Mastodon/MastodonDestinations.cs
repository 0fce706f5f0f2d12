using CampaignBot.Core.Domain;

namespace CampaignBot.Mastodon;

/// <summary>Where Mastodon posts go: the bot's own timeline, or a person (by account id) as a direct mention.</summary>
public static class MastodonDestinations
{
    public const string TimelineId = "timeline";

    /// <summary>The bot account's timeline: what <c>subscribe</c> from a Mastodon mention subscribes.</summary>
    public static Destination Timeline { get; } = new(Platform.Mastodon, TimelineId, "Mastodon timeline");
}
