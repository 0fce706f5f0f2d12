namespace CampaignBot.Core.Domain;

/// <summary>
/// A post carrying a tracked hashtag, as a platform reported it. <see cref="Uri"/> identifies the post across
/// platforms and sources (stream, poll, boost), so each post counts once.
/// </summary>
public sealed record HashtagMention(string Tag, string Uri, Platform Platform, DateTimeOffset PostedAt);
